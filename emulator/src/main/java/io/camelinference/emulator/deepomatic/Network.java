package io.camelinference.emulator.deepomatic;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * A neural network. Public ones have a string id and no deployment task; private ones an integer id, the model files
 * uploaded with them (only their names and sizes are kept) and the task of their deployment ({@code task_id}).
 * Only name, description and metadata change after creation.
 */
final class Network {

    final Object id;
    volatile String name;
    volatile String description;
    volatile JsonNode metadata;
    final String framework;
    final JsonNode preprocessing;
    final JsonNode postprocessings;
    final String taskId;
    final Map<String, Long> files;
    final Instant created = Instant.now();
    volatile Instant updated = created;

    Network(Object id, String name, String description, JsonNode metadata, String framework, JsonNode preprocessing,
            JsonNode postprocessings, String taskId, Map<String, Long> files) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.metadata = metadata;
        this.framework = framework;
        this.preprocessing = preprocessing;
        this.postprocessings = postprocessings;
        this.taskId = taskId;
        this.files = files;
    }

    /** The network object of the documentation (and the client's create_date). */
    ObjectNode toJson() {
        ObjectNode n = Json.object();
        if (id instanceof Integer i) {
            n.put("id", i);
        } else {
            n.put("id", id.toString());
        }
        n.put("name", name);
        n.put("description", description);
        n.put("create_date", created.toString());
        n.put("update_date", updated.toString());
        n.set("metadata", metadata);
        n.put("framework", framework);
        n.set("preprocessing", preprocessing);
        n.set("postprocessings", postprocessings);
        if (taskId == null) {
            n.putNull("task_id");
        } else {
            n.put("task_id", Long.parseLong(taskId));
        }
        return n;
    }
}
