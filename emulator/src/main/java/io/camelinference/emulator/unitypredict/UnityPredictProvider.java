package io.camelinference.emulator.unitypredict;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.Job;
import io.camelinference.emulator.spi.JobStates;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * The UnityPredict API under its real paths (clients use {@code <emulator>/api} as the base URL). Models:
 * {@code heart-risk}, {@code sentiment-slow}, {@code text-summary}.
 */
public final class UnityPredictProvider implements EmulatorProvider {

    public static final String NAME = "unitypredict";
    public static final JobStates STATES = new JobStates("Processing", "Completed", "Error");
    static final String AUTH_FAILED = "Authentication of the API key failed.";
    static final BigDecimal COST_PER_SECOND = new BigDecimal("0.0001");

    private final Map<String, UnityPredictModel> models = new LinkedHashMap<>();
    /** Requests created by initialize, by request id. */
    private final Map<String, FileRequest> requests = new ConcurrentHashMap<>();
    /** Upload slots by token. */
    private final Map<String, UploadSlot> uploads = new ConcurrentHashMap<>();
    /** Output files by request id, then by output name. */
    private final Map<String, Map<String, Path>> outputs = new ConcurrentHashMap<>();

    private EmulatorContext ctx;

    /** A request made by initialize: its uploaded files by generated name. */
    private record FileRequest(String requestId, String modelId, String contextId, Map<String, Path> files) {
    }

    private record UploadSlot(String requestId, String generatedName, Path target) {
    }

    /** What a predict produced; the answer is rendered from it and the job state on every read. */
    private record Outcome(String contextId, String requestId, ObjectNode outcomes, String computeTime,
                           BigDecimal computeCost) {
    }

    public UnityPredictProvider() {
        for (UnityPredictModel m : new UnityPredictModel[] {new HeartRiskModel(), new SentimentSlowModel(),
                new TextSummaryModel()}) {
            models.put(m.id(), m);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The model ids served. */
    public Set<String> modelIds() {
        return models.keySet();
    }

    @Override
    public ObjectNode errorBody(int status, String message) {
        ObjectNode n = Json.object();
        n.putNull("status");
        n.put("errorMessages", message);
        return n;
    }

    @Override
    public void register(EmulatorContext context) {
        this.ctx = context;
        context.route("POST", "/api/predict/{modelId}", r -> predict(r, null));
        context.route("POST", "/api/predict/{modelId}/{requestId}", r -> predict(r, r.var("requestId")));
        context.route("GET", "/api/predict/status/{requestId}", this::status);
        context.route("POST", "/api/predict/initialize/{modelId}", this::initialize);
        context.route("GET", "/api/predict/upload/{requestId}/{fileName}", this::uploadLink);
        context.route("PUT", "/_emulator/unitypredict/upload/{token}", this::upload);
        context.route("GET", "/api/predict/download/{requestId}/{fileName}", this::download);
    }

    @Override
    public void reset() {
        requests.clear();
        uploads.clear();
        outputs.clear();
        if (ctx != null) {
            deleteTree(dir());
        }
    }

    // ------------------------------------------------------------------------------------------------ handlers

    private Reply predict(Request r, String requestId) throws Exception {
        if (!authorized(r)) {
            return unauthorized();
        }
        UnityPredictModel model = models.get(r.var("modelId"));
        if (model == null) {
            return error(404, "Model '" + r.var("modelId") + "' not found. Known models: " + models.keySet() + ".");
        }
        FileRequest fileRequest = null;
        if (requestId != null) {
            fileRequest = requests.get(requestId);
            if (fileRequest == null) {
                return error(404, "Request '" + requestId + "' not found: call POST /api/predict/initialize/"
                        + model.id() + " first.");
            }
            if (!fileRequest.modelId().equals(model.id())) {
                return error(400, "Request '" + requestId + "' was initialized for model '" + fileRequest.modelId()
                        + "', not '" + model.id() + "'.");
            }
        }
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        if (!body.isObject()) {
            return error(400, "The request body must be a JSON object with InputValues and DesiredOutcomes.");
        }
        JsonNode inputs = body.path("InputValues");
        if (inputs.isMissingNode() || inputs.isNull()) {
            inputs = Json.object();
        } else if (!inputs.isObject()) {
            return error(400, "InputValues must be a JSON object of variable names to values.");
        }
        JsonNode desired = body.path("DesiredOutcomes");
        if (!desired.isMissingNode() && !desired.isNull() && !desired.isArray()) {
            return error(400, "DesiredOutcomes must be a JSON array of output variable names.");
        }
        String callbackUrl = text(body, "CallbackUrl");
        if (callbackUrl != null && !callbackUrl.isBlank() && !ctx.isLocalUrl(callbackUrl)) {
            return error(400, "CallbackUrl '" + callbackUrl + "' is not allowed: the emulator only calls back URLs on"
                    + " itself (" + ctx.baseUrl() + "/..., e.g. " + ctx.baseUrl() + "/_emulator/sink/{name}).");
        }
        String contextId = text(body, "ContextId");
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
        ctx.bill(1, cost);

        ObjectNode outcomes = result.outcomes();
        if (desired.isArray() && desired.size() > 0) {
            ObjectNode filtered = Json.object();
            for (JsonNode d : desired) {
                if (outcomes.has(d.asText())) {
                    filtered.set(d.asText(), outcomes.get(d.asText()));
                }
            }
            outcomes = filtered;
        }
        if (!result.files().isEmpty()) {
            Map<String, Path> out = outputs.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
            Files.createDirectories(dir().resolve("outputs"));
            for (Map.Entry<String, byte[]> f : result.files().entrySet()) {
                // stored under a generated path: the output name is only a key (it may be "../../x")
                Path p = dir().resolve("outputs").resolve(UUID.randomUUID().toString());
                Files.write(p, f.getValue());
                out.put(f.getKey(), p);
            }
        }
        Outcome outcome = new Outcome(contextId, id, outcomes, timeSpan(nanos), cost);
        long duration = model.slow() ? ctx.slowModelMillis() : 0;
        Job job = ctx.jobs().create(NAME, id, duration, STATES, r.jobFault(), result.error(), outcome);
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            ctx.jobs().whenFinished(job, () -> ctx.postJson(callbackUrl, render(job)));
        }
        return Reply.json(render(job));
    }

    private Reply status(Request r) {
        if (!authorized(r)) {
            return unauthorized();
        }
        String id = r.var("requestId");
        Job job = ctx.jobs().get(NAME, id);
        if (job != null) {
            return Reply.json(render(job));
        }
        FileRequest fr = requests.get(id);
        if (fr != null) {
            return Reply.json(initialized(fr));
        }
        return error(404, "Request '" + id + "' not found.");
    }

    private Reply initialize(Request r) throws IOException {
        if (!authorized(r)) {
            return unauthorized();
        }
        UnityPredictModel model = models.get(r.var("modelId"));
        if (model == null) {
            return error(404, "Model '" + r.var("modelId") + "' not found. Known models: " + models.keySet() + ".");
        }
        String contextId = null;
        try {
            contextId = text(r.json(), "ContextId");
        } catch (IllegalArgumentException ignoredBody) {
            // initialize takes no body; ignore anything unparsable
        }
        FileRequest fr = new FileRequest(UUID.randomUUID().toString(), model.id(),
                contextId == null || contextId.isBlank() ? UUID.randomUUID().toString() : contextId,
                new ConcurrentHashMap<>());
        requests.put(fr.requestId(), fr);
        return Reply.json(initialized(fr));
    }

    private Reply uploadLink(Request r) {
        if (!authorized(r)) {
            return unauthorized();
        }
        FileRequest fr = requests.get(r.var("requestId"));
        if (fr == null) {
            return error(404, "Request '" + r.var("requestId") + "' not found: call POST /api/predict/initialize/{modelId} first.");
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        String generated = "unitypredict_" + token.substring(0, 12) + "_" + sanitize(r.var("fileName"));
        uploads.put(token, new UploadSlot(fr.requestId(), generated, dir().resolve("uploads").resolve(token)));
        ObjectNode n = Json.object();
        n.put("uploadLink", ctx.baseUrl() + "/_emulator/unitypredict/upload/" + token);
        n.put("fileName", generated);
        return Reply.json(n);
    }

    /** The pre-signed upload link: no auth; the body is streamed to a file, never held in memory. */
    private Reply upload(Request r) throws IOException {
        UploadSlot slot = uploads.get(r.var("token"));
        FileRequest fr = slot == null ? null : requests.get(slot.requestId());
        if (fr == null) {
            return error(404, "Unknown or expired upload link.");
        }
        Files.createDirectories(slot.target().getParent());
        try (InputStream in = r.body()) {
            Files.copy(in, slot.target(), StandardCopyOption.REPLACE_EXISTING);
        }
        fr.files().put(slot.generatedName(), slot.target());
        return Reply.empty(200);
    }

    private Reply download(Request r) {
        if (!authorized(r)) {
            return unauthorized();
        }
        String id = r.var("requestId");
        Job job = ctx.jobs().get(NAME, id);
        Map<String, Path> files = outputs.get(id);
        Path p = files == null ? null : files.get(r.var("fileName"));
        if (job == null || p == null || !STATES.completed().equals(job.state())) {
            return error(404, "File '" + r.var("fileName") + "' not found for request '" + id + "'.");
        }
        return Reply.file("application/octet-stream", p);
    }

    // ------------------------------------------------------------------------------------------------ rendering

    private ObjectNode render(Job job) {
        Outcome o = job.payload();
        String state = job.state();
        boolean completed = STATES.completed().equals(state);
        boolean failed = STATES.error().equals(state);
        ObjectNode n = Json.object();
        n.put("contextId", o.contextId());
        n.put("requestId", o.requestId());
        n.put("errorMessages", failed ? job.failure() : "");
        n.put("logMessages", "");
        n.put("computeTime", completed || failed ? o.computeTime() : "00:00:00");
        n.put("computeTimeCharged", completed || failed ? o.computeTime() : "00:00:00");
        n.put("computeCost", completed || failed ? o.computeCost() : BigDecimal.ZERO);
        n.set("outcomes", completed ? o.outcomes() : Json.object());
        n.put("status", state);
        if (!completed && !failed) {
            n.put("statusUrl", ctx.baseUrl() + "/api/predict/status/" + o.requestId());
        }
        return n;
    }

    private static ObjectNode initialized(FileRequest fr) {
        ObjectNode n = Json.object();
        n.put("contextId", fr.contextId());
        n.put("requestId", fr.requestId());
        n.putNull("errorMessages");
        n.putNull("logMessages");
        n.put("computeTime", "00:00:00");
        n.put("computeTimeCharged", "00:00:00");
        n.put("computeCost", 0.0);
        n.putObject("outcomeValues");
        n.putObject("outcomes");
        n.put("status", "Processing");
        return n;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private boolean authorized(Request r) {
        String h = r.header("Authorization");
        return h != null && h.trim().equals("Bearer APIKEY@" + ctx.apiKey());
    }

    private Reply unauthorized() {
        return error(401, AUTH_FAILED);
    }

    private Reply error(int status, String message) {
        return Reply.json(status, errorBody(status, message));
    }

    private Path dir() {
        return ctx.tempDir().resolve(NAME);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return s.length() > 80 ? s.substring(s.length() - 80) : s;
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

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Iterator<Path> it = s.sorted(Comparator.reverseOrder()).iterator(); it.hasNext(); ) {
                try {
                    Files.deleteIfExists(it.next());
                } catch (IOException ignored) {
                    // a file still being written; removed at close
                }
            }
        } catch (IOException ignored) {
            // best effort
        }
    }
}
