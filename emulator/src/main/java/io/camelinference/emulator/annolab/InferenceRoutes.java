package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Job;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Batch inference: a model runs on sources of a project and writes its spans into an output layer; the job goes
 * {@code Queued}, {@code Running}, then {@code Finished} (or {@code Errored}). Billed one unit per source.
 */
final class InferenceRoutes {

    static final BigDecimal COST_PER_SOURCE = new BigDecimal("0.01");

    private final EmulatorContext ctx;
    private final AnnoLabStore store;
    private final Map<String, AnnoLabModel> models;

    InferenceRoutes(EmulatorContext ctx, AnnoLabStore store, Map<String, AnnoLabModel> models) {
        this.ctx = ctx;
        this.store = store;
        this.models = models;
    }

    void register() {
        ctx.route("POST", "/v1/infer/batch", this::infer);
        ctx.route("GET", "/v1/infer/batch/{jobId}", this::status);
    }

    /** The registry id of an inference job (export jobs share the provider's id space). */
    static String jobId(String inferenceJobId) {
        return "infer-" + inferenceJobId;
    }

    private Reply infer(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        Project p = RequestFields.project(store, body);
        AnnoLabModel model = model(RequestFields.identifier(body, "modelIdentifier", true));
        List<Long> sourceIds = sourceIds(p, body.get("sourceIds"));
        Layer layer = store.layer(p, body.get("outputLayerIdentifier"));

        // the model runs now; its spans reach the layer only when the job finishes
        Map<Long, List<Span>> results = new LinkedHashMap<>();
        String failure = null;
        for (Long id : sourceIds) {
            Source s = store.source(id);
            try {
                results.put(id, model.annotate(s.text()));
            } catch (IllegalArgumentException e) {
                failure = (failure == null ? "" : failure + "; ") + "source " + id + " ('" + s.name() + "'): "
                        + e.getMessage();
            }
        }
        ctx.bill(sourceIds.size(), COST_PER_SOURCE.multiply(BigDecimal.valueOf(sourceIds.size())));
        long jobId = store.nextId();
        InferenceRun run = new InferenceRun(jobId, p, List.copyOf(sourceIds), layer, model, results,
                new AtomicBoolean());
        store.addInference(run);
        Job job = ctx.jobs().create(AnnoLabProvider.NAME, jobId(String.valueOf(jobId)), ctx.slowModelMillis(),
                AnnoLabProvider.INFERENCE_STATES, r.jobFault(), failure, run);
        ctx.jobs().whenFinished(job, () -> store.commit(job));

        ObjectNode n = Json.object();
        n.put("inferenceJobId", jobId);
        n.put("status", AnnoLabProvider.QUEUED);
        n.put("projectName", p.name);
        n.put("projectId", p.id);
        n.put("outputLayerName", layer.name());
        n.put("outputLayerId", layer.id());
        ArrayNode list = n.putArray("sourceIds");
        sourceIds.forEach(list::add);
        return Reply.json(n);
    }

    private List<Long> sourceIds(Project p, JsonNode ids) {
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new ApiError(400, "'sourceIds' is required: an array of source ids");
        }
        List<Long> sourceIds = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!(id.isIntegralNumber() || (id.isTextual() && RequestFields.isNumber(id.asText())))) {
                throw new ApiError(400, "'sourceIds' must hold integer ids, got " + id);
            }
            Source s = store.source(id.asLong());
            if (s == null || s.project() != p) {
                throw new ApiError(404, "Source " + id.asText() + " not found in project '" + p.name + "'");
            }
            sourceIds.add(s.id());
        }
        return sourceIds;
    }

    /** A model by name (case-insensitive) or id. */
    private AnnoLabModel model(String identifier) {
        for (AnnoLabModel m : models.values()) {
            if (m.name().equalsIgnoreCase(identifier) || String.valueOf(m.id()).equals(identifier)) {
                return m;
            }
        }
        throw new ApiError(404, "Model '" + identifier + "' not found. Available models: " + models.keySet());
    }

    private Reply status(Request r) {
        String id = r.var("jobId");
        Job job = RequestFields.isNumber(id) ? ctx.jobs().statusOf(AnnoLabProvider.NAME, jobId(id)) : null;
        if (job == null) {
            throw new ApiError(404, "Inference job " + id + " not found");
        }
        InferenceRun run = job.payload();
        String state = job.state();
        if (AnnoLabProvider.INFERENCE_STATES.completed().equals(state)) {
            store.commit(job);
        } else if (AnnoLabProvider.INFERENCE_STATES.processing().equals(state) && JobPhases.inFirstThird(job)) {
            state = AnnoLabProvider.QUEUED;
        }
        ObjectNode n = Json.object();
        n.put("inferenceJobId", run.id());
        n.put("status", state);
        n.put("projectId", run.project().id);
        ArrayNode list = n.putArray("sourceIds");
        run.sourceIds().forEach(list::add);
        if (job.isFailed()) {
            n.put("message", job.failure());
        }
        return Reply.json(n);
    }
}
