package io.camelinference.emulator.deepomatic;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * A recognition specification; public ones have a string id and a fixed model, private ones an integer id, the task
 * that created them ({@code task_id}, as the documentation's sample shows) and the id of the version they run.
 */
final class Spec {

    final Object id;
    /** The task of a private specification's creation; null for public ones. */
    final String taskId;
    volatile String name;
    final String description;
    volatile JsonNode metadata;
    final ArrayNode outputs;
    volatile Integer currentVersionId;
    volatile Instant updated = Instant.now();

    Spec(Object id, String name, String description, JsonNode metadata, ArrayNode outputs, Integer version,
         String taskId) {
        this.id = id;
        this.taskId = taskId;
        this.name = name;
        this.description = description;
        this.metadata = metadata;
        this.outputs = outputs;
        this.currentVersionId = version;
    }

    /** A public specification answered by one of the emulator's image models, with its labels as outputs. */
    static Spec backedBy(String id, String name, String description, ImageModel model, int version) {
        ArrayNode outputs = Json.array();
        ObjectNode labels = outputs.addObject().putObject("labels");
        labels.put("roi", model.detector() ? "BBOX" : "NONE");
        labels.put("exclusive", !model.detector());
        ArrayNode list = labels.putArray("labels");
        int labelId = 0;
        for (String label : model.labels()) {
            ObjectNode l = list.addObject();
            l.put("id", labelId++);
            l.put("name", label);
        }
        return new Spec(id, name, description, Json.object(), outputs, version, null);
    }

    boolean isPublic() {
        return !(id instanceof Integer);
    }

    /**
     * The API's representation, every field of the documentation's sample; lists leave out the outputs, and public
     * specifications hide their current version (as the documentation says).
     */
    ObjectNode toJson(boolean withOutputs) {
        ObjectNode n = Json.object();
        if (id instanceof Integer i) {
            n.put("id", i);
        } else {
            n.put("id", id.toString());
        }
        n.put("name", name);
        n.put("description", description);
        if (taskId == null) {
            n.putNull("task_id");
        } else {
            n.put("task_id", Long.parseLong(taskId));
        }
        n.put("update_date", updated.toString());
        n.set("metadata", metadata);
        if (withOutputs) {
            n.set("outputs", outputs);
        }
        if (isPublic()) {
            return n;
        }
        if (currentVersionId == null) {
            n.putNull("current_version_id");
        } else {
            n.put("current_version_id", currentVersionId);
        }
        return n;
    }
}
