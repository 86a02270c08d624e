package io.camelinference.emulator.deepomatic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * Inference on a public specification, on one of yours (through its current version) or on a recognition version:
 * one image (JSON source or multipart file, cropped by {@code bbox} and {@code polygon}, its uniform background cut
 * with {@code crop_uniform_background}), answered with a task id at once; the task stays {@code pending} for the
 * slow-model time. A version's post-processing thresholds replace the model's. Each inference is billed one image.
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
        ctx.route("POST", PREFIX + "/recognition/versions/{versionId}/inference", r -> {
            Version version = store.version(r.var("versionId"));
            Spec spec = store.privateSpec(version.specId);
            return run(r, spec, version, "version/" + version.id);
        });
    }

    private Reply inference(Request r, boolean isPublic) throws Exception {
        Spec spec = store.find(r.var("specId"), isPublic);
        Version version = isPublic ? null : store.current(spec);
        if (!isPublic && version == null) {
            throw new ApiError(400, "The recognition specification " + spec.id + " has no current version"
                    + " (current_version_id is null): create a version (POST /recognition/versions) or set"
                    + " current_version_id with PATCH before running inference.");
        }
        return run(r, spec, version, r.var("specId"));
    }

    /** Runs the specification's outputs (with the version's thresholds, if any) on the request's one image. */
    private Reply run(Request r, Spec spec, Version version, String billedAs) throws Exception {
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
            InferenceInputs.Input image = images.get(0);
            raster = Raster.decode(image.image(), image.bbox(), image.polygon(), image.cropUniformBackground());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage().startsWith("inputs[") ? e.getMessage()
                    : "inputs[0].image.source: " + e.getMessage());
        }
        ObjectNode data = Json.object();
        ArrayNode outputs = data.putArray("outputs");
        for (int i = 0; i < spec.outputs.size(); i++) {
            outputs.add(LabelPredictions.run(spec.outputs.get(i).path("labels"), raster, options,
                    version == null ? null : version.thresholds(i)));
        }
        // what is billed: this spec (or version) on these image bytes
        ctx.bill(1, COST_PER_IMAGE, EmulatorContext.digest(billedAs.getBytes(StandardCharsets.UTF_8),
                images.get(0).image()));
        long id = store.newTaskId();
        ctx.jobs().create(DeepomaticProvider.NAME, String.valueOf(id), ctx.slowModelMillis(), DeepomaticProvider.STATES,
                r.jobFault(), null, data);
        return Reply.json(Json.object().put("task_id", String.valueOf(id)));
    }
}
