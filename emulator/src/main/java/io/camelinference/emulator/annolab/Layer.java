package io.camelinference.emulator.annolab;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * An annotation layer of a project: inference jobs and annotation calls write into one, exports filter by them.
 *
 * @param gold        whether it is a "Gold Set" (its annotations are taken as truth)
 * @param description free text, or null
 */
record Layer(long id, String name, boolean gold, String description) {

    Layer(long id, String name) {
        this(id, name, false, null);
    }

    /** As {@code POST /v1/layer/create} answers it. */
    ObjectNode toJson(Project p) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("layerName", name);
        n.put("projectId", p.id);
        n.put("projectName", p.name);
        n.put("isGold", gold);
        n.put("description", description);
        return n;
    }

    /** As a line of an export's {@code *.layers.jsonl} (what the SDK's importer reads: name, isGoldSet, description). */
    ObjectNode toExportJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        n.put("isGoldSet", gold);
        n.put("description", description);
        return n;
    }
}
