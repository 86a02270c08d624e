package io.camelinference.emulator.deepomatic;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Recognition specifications: public ones (list, get) and private ones (list, create, get, update, delete, and the list
 * of their versions). A private specification runs inference through its current version only, so
 * {@code current_version_id} must name an existing version of that specification.
 */
final class SpecRoutes {

    private static final String PREFIX = DeepomaticProvider.PREFIX;

    private final EmulatorContext ctx;
    private final SpecStore store;

    SpecRoutes(EmulatorContext ctx, SpecStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", PREFIX + "/recognition/public", r -> list(r, true));
        ctx.route("GET", PREFIX + "/recognition/public/{specId}", r -> get(r, true));
        ctx.route("GET", PREFIX + "/recognition/specs", r -> list(r, false));
        ctx.route("POST", PREFIX + "/recognition/specs", this::create);
        ctx.route("GET", PREFIX + "/recognition/specs/{specId}", r -> get(r, false));
        ctx.route("PATCH", PREFIX + "/recognition/specs/{specId}", this::update);
        ctx.route("DELETE", PREFIX + "/recognition/specs/{specId}", this::delete);
        ctx.route("GET", PREFIX + "/recognition/specs/{specId}/versions", this::versions);
        ctx.route("GET", PREFIX + "/recognition/public/{specId}/versions", r -> {
            store.find(r.var("specId"), true);
            throw new ApiError(404, "Public recognition specifications do not expose their versions; list the"
                    + " versions of your own specifications under /recognition/specs/{id}/versions.");
        });
    }

    private Reply versions(Request r) {
        Spec spec = store.find(r.var("specId"), false);
        ArrayNode all = Json.array();
        store.versions((Integer) spec.id).forEach(v -> all.add(store.render(v)));
        return Pagination.page(r, all, PREFIX + "/recognition/specs/" + spec.id + "/versions", List.of());
    }

    private Reply list(Request r, boolean isPublic) {
        ArrayNode all = Json.array();
        for (Spec s : store.specs(isPublic)) {
            all.add(s.toJson(false));
        }
        return Pagination.page(r, all, PREFIX + (isPublic ? "/recognition/public" : "/recognition/specs"), List.of());
    }

    private Reply get(Request r, boolean isPublic) {
        return Reply.json(store.find(r.var("specId"), isPublic).toJson(true));
    }

    private Reply create(Request r) throws Exception {
        MediaTypes.requireJson(r, false);
        JsonNode body = r.json();
        String name = Json.text(body, "name");
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "name: This field is required.");
        }
        JsonNode outputs = body.get("outputs");
        String invalid = validateOutputs(outputs);
        if (invalid != null) {
            throw new ApiError(400, invalid);
        }
        JsonNode metadata = body.has("metadata") && body.get("metadata").isObject() ? body.get("metadata") : Json.object();
        int id = store.nextSpecId();
        String description = Json.text(body, "description");
        // the specification's creation is a task of its own, already done (the documentation's sample has its task_id)
        String taskId = String.valueOf(store.newTaskId());
        ctx.jobs().create(DeepomaticProvider.NAME, taskId, 0, DeepomaticProvider.STATES, null, null,
                Json.object().put("spec_id", id));
        Spec spec = new Spec(id, name, description == null ? "" : description, metadata, (ArrayNode) outputs, null,
                taskId);
        store.addPrivate(id, spec);
        return Reply.json(201, spec.toJson(true));
    }

    private static String validateOutputs(JsonNode outputs) {
        if (outputs == null || !outputs.isArray() || outputs.isEmpty()) {
            return "outputs: This field is required: a list of {\"labels\": {\"roi\": \"NONE\"|\"BBOX\", \"exclusive\":"
                    + " true|false, \"labels\": [{\"id\": 0, \"name\": \"...\"}]}}.";
        }
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode labels = outputs.get(i).path("labels");
            String roi = labels.path("roi").asText("NONE");
            if (!roi.equals("NONE") && !roi.equals("BBOX")) {
                return "outputs[" + i + "].labels.roi: \"" + roi + "\" is not a valid choice (NONE or BBOX).";
            }
            if (!labels.path("labels").isArray() || labels.path("labels").isEmpty()) {
                return "outputs[" + i + "].labels.labels: a non-empty list of {\"id\", \"name\"} is required.";
            }
            for (JsonNode label : labels.path("labels")) {
                if (!label.path("id").isIntegralNumber() || !label.path("name").isTextual()) {
                    return "outputs[" + i + "].labels.labels: every label needs an integer id and a name.";
                }
            }
        }
        return null;
    }

    /** Only name, metadata and current_version_id change; setting the version is what makes inference possible. */
    private Reply update(Request r) throws Exception {
        Spec spec = store.find(r.var("specId"), false);
        MediaTypes.requireJson(r, false);
        JsonNode body = r.json();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("name", "metadata", "current_version_id").contains(field)) {
                throw new ApiError(400, field + ": This field cannot be updated; only name, metadata and"
                        + " current_version_id can.");
            }
        }
        // everything is checked before anything changes: a refused update leaves the specification as it was
        String name = body.has("name") ? Json.text(body, "name") : spec.name;
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "name: This field may not be blank.");
        }
        if (body.has("metadata") && !body.get("metadata").isObject()) {
            throw new ApiError(400, "metadata: Expected a JSON object.");
        }
        Integer version = body.has("current_version_id") ? currentVersion(spec, body.get("current_version_id"))
                : spec.currentVersionId;
        spec.name = name;
        if (body.has("metadata")) {
            spec.metadata = body.get("metadata");
        }
        spec.currentVersionId = version;
        spec.updated = Instant.now();
        return Reply.json(spec.toJson(true));
    }

    /** The version current_version_id may name: null, or an existing version of this very specification. */
    private Integer currentVersion(Spec spec, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new ApiError(400, "current_version_id: A valid integer is required.");
        }
        Version version;
        try {
            version = store.version(v.asText());
        } catch (ApiError notFound) {
            throw new ApiError(400, "current_version_id: Invalid pk \"" + v.asText() + "\" - object does not exist.");
        }
        if (version.specId != (Integer) spec.id) {
            throw new ApiError(400, "current_version_id: version " + version.id + " implements recognition"
                    + " specification " + version.specId + ", not " + spec.id + ".");
        }
        return version.id;
    }

    private Reply delete(Request r) {
        store.removePrivate(store.find(r.var("specId"), false));
        return Reply.empty(204);
    }
}
