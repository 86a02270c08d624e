package io.camelinference.emulator.labelstudio;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A project: its label config and the model version whose predictions it shows. */
final class Project {

    final long id;
    final Instant createdAt = Instant.now();
    volatile String title;
    volatile String description;
    volatile LabelConfig config;
    volatile String modelVersion = "";

    Project(long id, String title, String description, LabelConfig config) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.config = config;
    }

    /** {@code <id>.<created seconds>}, the project id Label Studio sends to ML backends. */
    String uid() {
        return id + "." + createdAt.getEpochSecond();
    }

    ObjectNode toJson(LabelStudioStore store) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("title", title);
        n.put("description", description);
        n.put("label_config", config.xml());
        n.set("parsed_label_config", config.parsed());
        n.put("created_at", createdAt.toString());
        n.put("model_version", modelVersion);
        n.put("task_number", store.tasks(id).size());
        n.put("total_annotations_number", store.tasks(id).stream().mapToInt(t -> t.annotations.size()).sum());
        n.put("num_tasks_with_annotations", store.tasks(id).stream().filter(t -> !t.annotations.isEmpty()).count());
        n.put("total_predictions_number", store.predictions(id, null).size());
        n.putObject("created_by").put("id", 1).put("email", "emulator@localhost");
        return n;
    }
}
