package io.camelinference.emulator.commsmining;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Sources: {@code GET} one, and {@code POST .../sync} to add or update comments (at most 4096 per call, as the CLI
 * sends them), billed one AI unit per new comment. New comments reach the end of the streams of the datasets that hold
 * the source; the signed-in user is {@code GET /auth/user}.
 */
final class SourceRoutes {

    static final String SOURCE = "/api/v1/sources/{project}/{source}";

    private final EmulatorContext ctx;
    private final CommsMiningStore store;

    SourceRoutes(EmulatorContext ctx, CommsMiningStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", SOURCE, this::get);
        ctx.route("POST", SOURCE + "/sync", this::sync);
        ctx.route("GET", "/auth/user", r -> Reply.json(Json.object().put("status", "ok").set("user",
                Json.object().put("id", "0123456789abcdef").put("username", "camel-emulator")
                        .put("email", "camel-emulator@example.com"))));
    }

    private Reply get(Request r) {
        CommsMiningStore.Source s = store.source(r.var("project"), r.var("source"));
        ObjectNode answer = Json.object().put("status", "ok");
        answer.putObject("source").put("id", s.id()).put("owner", s.project()).put("name", s.name())
                .put("kind", "unknown");
        return Reply.json(answer);
    }

    private Reply sync(Request r) throws Exception {
        CommsMiningStore.Source source = store.source(r.var("project"), r.var("source"));
        JsonNode body = r.jsonObject("Invalid request body: expected {\"comments\": [...]}");
        JsonNode comments = Documents.list(body, "comments");
        for (int i = 0; i < comments.size(); i++) {
            JsonNode c = comments.get(i);
            if (!c.path("id").isTextual() || c.path("id").asText().isBlank() || c.path("id").asText().contains(".")) {
                throw new ApiError(400, "Invalid request body: comments[" + i + "].id is required (a string without"
                        + " dots)");
            }
            Documents.messages(c, i);
        }
        ObjectNode counts = store.sync(source, comments);
        long added = counts.get("new").asLong();
        if (added > 0) {
            ctx.bill(added, BigDecimal.valueOf(added));
            source.dataset().bill("sync", added);
        }
        return Reply.json(Json.object().put("status", "ok").setAll(counts));
    }
}
