package io.camelinference.emulator.deepomatic;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * A recognition version: the link between a private specification and a private network, with one post-processing per
 * output of the specification. Every field is immutable once created.
 */
final class Version {

    final int id;
    final int specId;
    final int networkId;
    final ArrayNode postProcessings;
    final Instant updated = Instant.now();

    Version(int id, int specId, int networkId, ArrayNode postProcessings) {
        this.id = id;
        this.specId = specId;
        this.networkId = networkId;
        this.postProcessings = postProcessings;
    }

    /**
     * The thresholds the version sets for the labels of output {@code index} ({@code classification.thresholds} or
     * {@code detection.thresholds}), or null when it leaves the model's own.
     */
    double[] thresholds(int index) {
        JsonNode pp = postProcessings.path(index);
        JsonNode kind = pp.has("classification") ? pp.get("classification") : pp.path("detection");
        JsonNode list = kind.path("thresholds");
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).asDouble();
        }
        return out;
    }

    /** The version object of the documentation; the names are looked up at each read, as the API shows them. */
    ObjectNode toJson(String specName, String networkName) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("spec_id", specId);
        n.put("spec_name", specName);
        n.put("network_id", networkId);
        n.put("network_name", networkName);
        n.put("update_date", updated.toString());
        n.set("post_processings", postProcessings);
        return n;
    }
}
