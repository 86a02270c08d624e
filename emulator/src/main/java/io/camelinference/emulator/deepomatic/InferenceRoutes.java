package io.camelinference.emulator.deepomatic;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Inference on a public or private specification: one image (JSON source or multipart file), answered with a task
 * id at once; the task stays {@code pending} for the slow-model time. Each inference is billed one image.
 */
final class InferenceRoutes {

    static final BigDecimal COST_PER_IMAGE = new BigDecimal("0.001");
    private static final String PREFIX = DeepomaticProvider.PREFIX;

    private final EmulatorContext ctx;
    private final SpecStore store;
    private final InferenceInputs inputs;

    InferenceRoutes(EmulatorContext ctx, SpecStore store) {
        this.ctx = ctx;
        this.store = store;
        this.inputs = new InferenceInputs(ctx);
    }

    void register() {
        ctx.route("POST", PREFIX + "/recognition/public/{specId}/inference", r -> inference(r, true));
        ctx.route("POST", PREFIX + "/recognition/specs/{specId}/inference", r -> inference(r, false));
    }

    private Reply inference(Request r, boolean isPublic) throws Exception {
        Spec spec = store.find(r.var("specId"), isPublic);
        if (spec.currentVersionId == null) {
            throw new ApiError(400, "The recognition specification " + spec.id + " has no current version"
                    + " (current_version_id is null): set it with PATCH before running inference.");
        }
        MediaTypes.requireJson(r, true);
        List<InferenceInputs.Input> images;
        InferenceInputs.Options options;
        try {
            if (MediaTypes.isMultipart(r)) {
                List<Multipart.Part> parts = Multipart.parse(r.bodyBytes(), r.header("Content-Type"));
                images = inputs.fromMultipart(parts);
                options = InferenceInputs.options(InferenceInputs.field(parts, "show_discarded"),
                        InferenceInputs.field(parts, "max_predictions"));
            } else {
                JsonNode body = r.json();
                images = inputs.fromJson(body);
                options = InferenceInputs.options(body.get("show_discarded"), body.get("max_predictions"));
            }
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        if (images.size() != 1) {
            throw new ApiError(400, "inputs: recognition specifications take exactly one image input, got "
                    + images.size() + ".");
        }
        Raster raster;
        try {
            raster = Raster.decode(images.get(0).image(), images.get(0).bbox());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "inputs[0].image.source: " + e.getMessage());
        }
        ObjectNode data = Json.object();
        ArrayNode outputs = data.putArray("outputs");
        for (JsonNode output : spec.outputs) {
            outputs.add(LabelPredictions.run(output.path("labels"), raster, options));
        }
        // what is billed: this spec on these image bytes
        ctx.bill(1, COST_PER_IMAGE, io.camelinference.emulator.spi.EmulatorContext.digest(
                r.var("specId").getBytes(java.nio.charset.StandardCharsets.UTF_8), images.get(0).image()));
        long id = store.newTaskId();
        ctx.jobs().create(DeepomaticProvider.NAME, String.valueOf(id), ctx.slowModelMillis(), DeepomaticProvider.STATES,
                r.jobFault(), null, data);
        return Reply.json(Json.object().put("task_id", String.valueOf(id)));
    }
}
