package io.camelinference.emulator.unitypredict;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Job;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Predictions: {@code POST /api/predict/{modelId}} (and {@code /{requestId}} after initialize), answered
 * {@code Completed} at once or {@code Processing} for slow models, then {@code GET /api/predict/status/{requestId}}.
 * Every prediction is billed 0.0001 per started second of compute. With a {@code CallbackUrl}, the final response (the
 * status call's answer, {@code Completed} or {@code Error}) is POSTed there once the job ends, as the real service
 * does; the real service calls any public URL, the emulator only loopback ones (itself, or an application on the same
 * machine, on any port), so it never calls out.
 */
final class PredictRoutes {

    static final BigDecimal COST_PER_SECOND = new BigDecimal("0.0001");

    private final EmulatorContext ctx;
    private final UnityPredictStore store;
    private final PredictResponses responses;

    PredictRoutes(EmulatorContext ctx, UnityPredictStore store) {
        this.ctx = ctx;
        this.store = store;
        this.responses = new PredictResponses(ctx);
    }

    void register() {
        ctx.route("POST", "/api/predict/{modelId}", r -> predict(r, null));
        ctx.route("POST", "/api/predict/{modelId}/{requestId}", r -> predict(r, r.var("requestId")));
        ctx.route("GET", "/api/predict/status/{requestId}", this::status);
    }

    private Reply predict(Request r, String requestId) throws Exception {
        UnityPredictModel model = store.model(r.var("modelId"));
        FileRequest fileRequest = requestId == null ? null : initializedRequest(requestId, model);
        JsonNode body = r.jsonObject("The request body must be a JSON object with InputValues and DesiredOutcomes.");
        JsonNode inputs = body.path("InputValues");
        if (inputs.isMissingNode() || inputs.isNull()) {
            inputs = Json.object();
        } else if (!inputs.isObject()) {
            throw new ApiError(400, "InputValues must be a JSON object of variable names to values.");
        }
        JsonNode desired = body.path("DesiredOutcomes");
        if (!desired.isMissingNode() && !desired.isNull() && !desired.isArray()) {
            throw new ApiError(400, "DesiredOutcomes must be a JSON array of output variable names.");
        }
        String callbackUrl = Json.text(body, "CallbackUrl");
        if (callbackUrl != null && !callbackUrl.isBlank() && !isLoopback(callbackUrl)) {
            throw new ApiError(400, "CallbackUrl '" + callbackUrl + "' is not allowed: the emulator only calls back"
                    + " http(s) URLs on this machine (127.0.0.1, localhost or [::1], any port), e.g. " + ctx.baseUrl()
                    + "/_emulator/sink/{name} or an application's own callback endpoint.");
        }
        String contextId = Json.text(body, "ContextId");
        if (contextId == null || contextId.isBlank()) {
            contextId = fileRequest != null ? fileRequest.contextId() : UUID.randomUUID().toString();
        }
        String id = requestId != null ? requestId : UUID.randomUUID().toString();

        long t0 = System.nanoTime();
        UnityPredictModel.Result result = model.run(inputs, fileRequest == null ? Map.of() : fileRequest.files());
        long nanos = System.nanoTime() - t0;
        if (model.slow()) {
            nanos = Math.max(nanos, ctx.slowModelMillis() * 1_000_000L);
        }
        BigDecimal cost = cost(nanos);
        ctx.bill(1, cost, subject(model, inputs, fileRequest));

        if (!result.files().isEmpty()) {
            store.addOutputs(id, result.files());
        }
        Outcome outcome = new Outcome(contextId, id, desiredOnly(result.outcomes(), desired), timeSpan(nanos), cost);
        long duration = model.slow() ? ctx.slowModelMillis() : 0;
        Job job = ctx.jobs().create(UnityPredictProvider.NAME, id, duration, UnityPredictProvider.STATES,
                r.jobFault(), result.error(), outcome);
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            ctx.jobs().whenFinished(job, () -> ctx.postJson(callbackUrl, responses.prediction(job)));
        }
        return Reply.json(responses.prediction(job));
    }

    /** Whether the URL is http(s) on a loopback host: the emulator calls nothing outside this machine. */
    static boolean isLoopback(String url) {
        try {
            URI u = URI.create(url.strip());
            String host = u.getHost();
            if (host == null || u.getScheme() == null || !u.getScheme().toLowerCase(Locale.ROOT).matches("https?")) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The request made by initialize for this model; predicting on it uses its uploads and its context id. */
    private FileRequest initializedRequest(String requestId, UnityPredictModel model) {
        FileRequest fileRequest = store.request(requestId);
        if (fileRequest == null) {
            throw new ApiError(404, "Request '" + requestId + "' not found: call POST /api/predict/initialize/"
                    + model.id() + " first.");
        }
        if (!fileRequest.modelId().equals(model.id())) {
            throw new ApiError(400, "Request '" + requestId + "' was initialized for model '" + fileRequest.modelId()
                    + "', not '" + model.id() + "'.");
        }
        return fileRequest;
    }

    /** What this prediction bills: the model and its inputs, a file input by the digest of its content. */
    private static String subject(UnityPredictModel model, JsonNode inputs, FileRequest fileRequest) {
        ObjectNode canonical = Json.object();
        inputs.fields().forEachRemaining(e -> {
            String value = e.getValue().asText();
            String digest = fileRequest == null ? null : fileRequest.digests().get(value);
            canonical.put(e.getKey(), digest != null ? "file:" + digest : e.getValue().toString());
        });
        return EmulatorContext.digest(model.id().getBytes(java.nio.charset.StandardCharsets.UTF_8), Json.bytes(canonical));
    }

    /** Only the outcomes named in DesiredOutcomes, when it names any. */
    private static ObjectNode desiredOnly(ObjectNode outcomes, JsonNode desired) {
        if (!desired.isArray() || desired.isEmpty()) {
            return outcomes;
        }
        ObjectNode filtered = Json.object();
        for (JsonNode d : desired) {
            if (outcomes.has(d.asText())) {
                filtered.set(d.asText(), outcomes.get(d.asText()));
            }
        }
        return filtered;
    }

    private Reply status(Request r) {
        String id = r.var("requestId");
        Job job = ctx.jobs().statusOf(UnityPredictProvider.NAME, id);
        if (job != null) {
            return Reply.json(responses.prediction(job));
        }
        FileRequest fr = store.request(id);
        if (fr != null) {
            // initialized but never predicted: no job, so no status yet (the SDK's "Status None")
            ctx.count(UnityPredictProvider.STATUS_OF_UNPREDICTED, 1);
            return Reply.json(PredictResponses.initialized(fr).putNull("status"));
        }
        throw new ApiError(404, "Request '" + id + "' not found.");
    }

    /** 0.0001 per started second of compute, at least 0.0001. */
    static BigDecimal cost(long nanos) {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return COST_PER_SECOND.multiply(BigDecimal.valueOf(seconds));
    }

    /** .NET TimeSpan format {@code hh:mm:ss.fffffff}. */
    static String timeSpan(long nanos) {
        long ticks = nanos / 100;
        long fraction = ticks % 10_000_000L;
        long totalSeconds = ticks / 10_000_000L;
        return String.format("%02d:%02d:%02d.%07d", totalSeconds / 3600, (totalSeconds / 60) % 60, totalSeconds % 60,
                fraction);
    }
}
