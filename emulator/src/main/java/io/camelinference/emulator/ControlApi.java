package io.camelinference.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.Router;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;
import io.camelinference.emulator.spi.RouteHandler;

/**
 * The emulator's own API under {@code /_emulator/}: health, routes, stats, faults, reset and the webhook sinks. It
 * takes no credentials and is neither counted nor faulted.
 */
final class ControlApi {

    private final InferenceEmulator emulator;
    private final Router router;
    private final WebhookSinks sinks;

    ControlApi(InferenceEmulator emulator, Router router, WebhookSinks sinks) {
        this.emulator = emulator;
        this.router = router;
        this.sinks = sinks;
    }

    void register() {
        route("GET", "/health", this::health);
        route("GET", "/routes", r -> routes());
        route("GET", "/stats", r -> Reply.json(emulator.stats().toJson()));
        route("GET", "/faults", r -> Reply.json(emulator.faults().toJson()));
        route("POST", "/faults", this::addFaults);
        route("DELETE", "/faults", r -> {
            emulator.faults().clear();
            return Reply.json(emulator.faults().toJson());
        });
        route("POST", "/reset", r -> {
            emulator.reset();
            return Reply.json(Json.object().put("reset", true));
        });
        route("POST", "/sink/{name}", this::receive);
        route("GET", "/sink/{name}", r -> {
            ArrayNode arr = Json.array();
            sinks.get(r.var("name")).forEach(d -> arr.add(d.toJson()));
            return Reply.json(arr);
        });
        route("DELETE", "/sink/{name}", r -> {
            sinks.remove(r.var("name"));
            return Reply.json(Json.array());
        });
    }

    private void route(String method, String template, RouteHandler handler) {
        router.add(InferenceEmulator.CONTROL, method, "/" + InferenceEmulator.CONTROL + template, handler,
                Router.Access.CONTROL);
    }

    private Reply health(Request r) {
        ObjectNode n = Json.object();
        n.put("status", "ok");
        ArrayNode ps = n.putArray("providers");
        emulator.providers().forEach(ps::add);
        return Reply.json(n);
    }

    private Reply routes() {
        ArrayNode arr = Json.array();
        for (Router.Route rt : router.routes()) {
            ObjectNode n = arr.addObject();
            n.put("provider", rt.provider());
            n.put("method", rt.method());
            n.put("path", rt.template());
        }
        return Reply.json(arr);
    }

    private Reply addFaults(Request r) throws Exception {
        try {
            emulator.faults().addJson(r.json());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        return Reply.json(emulator.faults().toJson());
    }

    /** Records any body; JSON is parsed as a convenience for assertions, anything else is kept as text. */
    private Reply receive(Request r) throws Exception {
        String body = new String(r.bodyBytes(), StandardCharsets.UTF_8);
        JsonNode json = null;
        try {
            json = body.isBlank() ? null : Json.parseOrThrow(body);
        } catch (IllegalArgumentException notJson) {
            // recorded as text only
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        sinks.add(new SinkDelivery(r.var("name"), Instant.now(), r.header("Content-Type"), headers, body, json));
        return Reply.json(Json.object().put("received", true));
    }
}
