package io.camelinference.emulator.deepomatic;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Neural networks: public ones ({@code /networks/public}: list, get) and your own ({@code /networks}: list, get,
 * create, update, delete). A network is created with a multipart upload, as the documentation and the official client
 * send it: the fields {@code name}, {@code description}, {@code metadata}, {@code framework}, {@code preprocessing}
 * (JSON text) and the model files as file parts. Its deployment is a task ({@code task_id}) that runs for the
 * slow-model time. Only name, description and metadata can change afterwards.
 */
final class NetworkRoutes {

    static final Set<String> FRAMEWORKS = Set.of("tensorflow-1.x", "nv-caffe-0.x-mod");
    private static final String PREFIX = DeepomaticProvider.PREFIX;
    private static final Set<String> MUTABLE = Set.of("name", "description", "metadata");

    private final EmulatorContext ctx;
    private final SpecStore store;

    NetworkRoutes(EmulatorContext ctx, SpecStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", PREFIX + "/networks/public", r -> list(r, true));
        ctx.route("GET", PREFIX + "/networks/public/{networkId}", r -> Reply.json(
                store.network(r.var("networkId"), true).toJson()));
        ctx.route("GET", PREFIX + "/networks", r -> list(r, false));
        ctx.route("POST", PREFIX + "/networks", this::create);
        ctx.route("GET", PREFIX + "/networks/{networkId}", r -> Reply.json(
                store.network(r.var("networkId"), false).toJson()));
        ctx.route("PATCH", PREFIX + "/networks/{networkId}", this::update);
        ctx.route("DELETE", PREFIX + "/networks/{networkId}", r -> {
            store.removeNetwork(store.network(r.var("networkId"), false));
            return Reply.empty(204);
        });
    }

    private Reply list(Request r, boolean isPublic) {
        ArrayNode all = Json.array();
        store.networks(isPublic).forEach(n -> all.add(n.toJson()));
        return Pagination.page(r, all, PREFIX + (isPublic ? "/networks/public" : "/networks"), List.of());
    }

    private Reply create(Request r) throws Exception {
        MediaTypes.requireJson(r, true);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Long> files = new LinkedHashMap<>();
        if (MediaTypes.isMultipart(r)) {
            for (Multipart.Part part : Multipart.parse(r.bodyBytes(), r.header("Content-Type"))) {
                if (part.fileName() != null) {
                    files.put(part.name(), (long) part.data().length);
                } else {
                    fields.put(part.name(), part.text());
                }
            }
        } else {
            r.json().fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isTextual()
                    ? e.getValue().asText() : e.getValue().toString()));
        }
        String name = fields.get("name");
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "name: This field is required.");
        }
        String framework = fields.get("framework");
        if (framework == null || !FRAMEWORKS.contains(framework)) {
            throw new ApiError(400, "framework: \"" + framework + "\" is not a valid choice " + FRAMEWORKS + ".");
        }
        JsonNode preprocessing = jsonField(fields, "preprocessing", true);
        if (!preprocessing.isObject() || !preprocessing.path("inputs").isArray() || preprocessing.path("inputs").isEmpty()) {
            throw new ApiError(400, "preprocessing: an object with a non-empty list of inputs is required.");
        }
        if (files.isEmpty()) {
            throw new ApiError(400, "The network's files are required: send them as file parts of a multipart/form-data"
                    + " request (e.g. saved_model.pb, variables.index).");
        }
        for (JsonNode input : preprocessing.get("inputs")) {
            String mean = input.path("image").path("mean_file").asText(null);
            if (mean != null && !files.containsKey(mean)) {
                throw new ApiError(400, "preprocessing.inputs.image.mean_file: \"" + mean + "\" is not among the"
                        + " uploaded files " + files.keySet() + ".");
            }
        }
        JsonNode metadata = fields.containsKey("metadata") ? jsonField(fields, "metadata", false) : Json.object();
        if (!metadata.isObject()) {
            throw new ApiError(400, "metadata: Expected a JSON object.");
        }
        JsonNode postprocessings = fields.containsKey("postprocessings") ? jsonField(fields, "postprocessings", false)
                : Json.array();
        int id = store.nextNetworkId();
        String taskId = String.valueOf(store.newTaskId());
        // the deployment of the uploaded model is a task that takes the slow-model time (or fails under a job fault)
        ctx.jobs().create(DeepomaticProvider.NAME, taskId, ctx.slowModelMillis(), DeepomaticProvider.STATES,
                r.jobFault(), null, Json.object().put("network_id", id));
        String description = fields.get("description");
        Network network = new Network(id, name, description == null ? "" : description, metadata, framework,
                preprocessing, postprocessings, taskId, files);
        store.addNetwork(network);
        return Reply.json(201, network.toJson());
    }

    private static JsonNode jsonField(Map<String, String> fields, String name, boolean required) {
        String text = fields.get(name);
        if (text == null || text.isBlank()) {
            if (required) {
                throw new ApiError(400, name + ": This field is required.");
            }
            return Json.object();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new ApiError(400, name + ": Value must be valid JSON.");
        }
    }

    private Reply update(Request r) throws Exception {
        Network network = store.network(r.var("networkId"), false);
        MediaTypes.requireJson(r, false);
        JsonNode body = r.json();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!MUTABLE.contains(field)) {
                throw new ApiError(400, field + ": This field cannot be updated; only name, description and metadata"
                        + " can.");
            }
        }
        String name = body.has("name") ? Json.text(body, "name") : network.name;
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "name: This field may not be blank.");
        }
        if (body.has("metadata") && !body.get("metadata").isObject()) {
            throw new ApiError(400, "metadata: Expected a JSON object.");
        }
        network.name = name;
        if (body.has("description")) {
            String description = Json.text(body, "description");
            network.description = description == null ? "" : description;
        }
        if (body.has("metadata")) {
            network.metadata = body.get("metadata");
        }
        network.updated = Instant.now();
        return Reply.json(network.toJson());
    }
}
