package io.camelinference.emulator.labelstudio;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A task: its data, and the annotations it was imported with. */
final class TaskRecord {

    final long id;
    final long projectId;
    final long innerId;
    final ObjectNode data;
    final ObjectNode meta;
    final ArrayNode annotations;
    final Instant createdAt = Instant.now();

    TaskRecord(long id, long projectId, long innerId, ObjectNode data, ObjectNode meta, ArrayNode annotations) {
        this.id = id;
        this.projectId = projectId;
        this.innerId = innerId;
        this.data = data;
        this.meta = meta;
        this.annotations = annotations;
    }

    /** As {@code TaskSimpleSerializer} writes it (what ML backends get), with the task's predictions. */
    ObjectNode toJson(LabelStudioStore store, boolean withAnnotationsAndPredictions) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.set("data", data.deepCopy());
        n.set("meta", meta.deepCopy());
        n.put("created_at", createdAt.toString());
        n.put("updated_at", createdAt.toString());
        n.put("inner_id", innerId);
        n.put("is_labeled", !annotations.isEmpty());
        n.put("overlap", 1);
        n.put("total_annotations", annotations.size());
        n.put("cancelled_annotations", 0);
        var predictions = store.predictionsOfTask(id);
        n.put("total_predictions", predictions.size());
        n.put("project", projectId);
        if (withAnnotationsAndPredictions) {
            n.set("annotations", annotations.deepCopy());
            ArrayNode p = n.putArray("predictions");
            predictions.forEach(pr -> p.add(pr.toJson()));
        }
        return n;
    }
}
