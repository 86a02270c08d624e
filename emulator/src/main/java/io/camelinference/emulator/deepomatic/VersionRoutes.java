package io.camelinference.emulator.deepomatic;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Recognition versions ({@code /recognition/versions}): create, list, get, delete; their inference is in
 * {@link InferenceRoutes}. A version links one of your specifications to one of your networks with one post-processing
 * per output of the specification (a {@code classification} or a {@code detection}, whose optional
 * {@code thresholds} give one threshold per label). A specification without a current version gets its first one.
 */
final class VersionRoutes {

    private static final String PREFIX = DeepomaticProvider.PREFIX;

    private final EmulatorContext ctx;
    private final SpecStore store;

    VersionRoutes(EmulatorContext ctx, SpecStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", PREFIX + "/recognition/versions", this::list);
        ctx.route("POST", PREFIX + "/recognition/versions", this::create);
        ctx.route("GET", PREFIX + "/recognition/versions/{versionId}", r -> Reply.json(store.render(
                store.version(r.var("versionId")))));
        ctx.route("DELETE", PREFIX + "/recognition/versions/{versionId}", r -> {
            store.removeVersion(store.version(r.var("versionId")));
            return Reply.empty(204);
        });
    }

    private Reply list(Request r) {
        ArrayNode all = Json.array();
        store.versions(null).forEach(v -> all.add(store.render(v)));
        return Pagination.page(r, all, PREFIX + "/recognition/versions", List.of());
    }

    private Reply create(Request r) throws Exception {
        MediaTypes.requireJson(r, false);
        JsonNode body = r.json();
        if (!body.isObject()) {
            throw new ApiError(400, "Invalid data. Expected a dictionary with spec_id, network_id and"
                    + " post_processings.");
        }
        int specId = pk(body, "spec_id");
        int networkId = pk(body, "network_id");
        Spec spec = store.privateSpec(specId);
        if (spec == null) {
            throw doesNotExist("spec_id", body.get("spec_id"));
        }
        if (store.privateNetwork(networkId) == null) {
            throw doesNotExist("network_id", body.get("network_id"));
        }
        JsonNode postProcessings = body.get("post_processings");
        checkPostProcessings(postProcessings, spec);
        Version version = store.addVersion(specId, networkId, (ArrayNode) postProcessings);
        return Reply.json(201, store.render(version));
    }

    private static int pk(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new ApiError(400, field + ": This field is required.");
        }
        if (!v.isIntegralNumber() && !(v.isTextual() && v.asText().matches("\\d+"))) {
            throw new ApiError(400, field + ": Incorrect type. Expected pk value, received " + (v.isTextual() ? "str"
                    : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)) + ".");
        }
        return v.asInt();
    }

    private static ApiError doesNotExist(String field, JsonNode value) {
        return new ApiError(400, field + ": Invalid pk \"" + value.asText() + "\" - object does not exist.");
    }

    /** One post-processing per output, each exactly one kind, thresholds (when given) one per label. */
    private static void checkPostProcessings(JsonNode pps, Spec spec) {
        if (pps == null || !pps.isArray() || pps.isEmpty()) {
            throw new ApiError(400, "post_processings: This field is required: a list with one"
                    + " {\"classification\": {...}} or {\"detection\": {...}} per output of the specification.");
        }
        if (pps.size() != spec.outputs.size()) {
            throw new ApiError(400, "post_processings: the specification " + spec.id + " has " + spec.outputs.size()
                    + " output(s); got " + pps.size() + " post-processing(s).");
        }
        for (int i = 0; i < pps.size(); i++) {
            JsonNode pp = pps.get(i);
            boolean classification = pp.has("classification");
            if (!pp.isObject() || classification == pp.has("detection") || pp.size() != 1) {
                throw new ApiError(400, "post_processings[" + i + "]: exactly one of classification or detection is"
                        + " required.");
            }
            JsonNode thresholds = pp.get(classification ? "classification" : "detection").get("thresholds");
            int labels = spec.outputs.get(i).path("labels").path("labels").size();
            if (thresholds == null || thresholds.isNull()) {
                continue;
            }
            if (!thresholds.isArray() || thresholds.size() != labels) {
                throw new ApiError(400, "post_processings[" + i + "].thresholds: one threshold per label is required ("
                        + labels + " labels).");
            }
            for (JsonNode t : thresholds) {
                if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 1) {
                    throw new ApiError(400, "post_processings[" + i + "].thresholds: numbers between 0 and 1 are"
                            + " required.");
                }
            }
        }
    }
}
