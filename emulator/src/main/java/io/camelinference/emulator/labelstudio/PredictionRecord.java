package io.camelinference.emulator.labelstudio;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A stored prediction of one task. */
final class PredictionRecord {

    final long id;
    final long taskId;
    final long projectId;
    final Instant createdAt = Instant.now();
    volatile Instant updatedAt = createdAt;
    volatile JsonNode result;
    volatile Double score;
    volatile String modelVersion;
    final Long mlBackend;

    PredictionRecord(long id, long taskId, long projectId, JsonNode result, Double score, String modelVersion,
                     Long mlBackend) {
        this.id = id;
        this.taskId = taskId;
        this.projectId = projectId;
        this.result = result;
        this.score = score;
        this.modelVersion = modelVersion == null ? "" : modelVersion;
        this.mlBackend = mlBackend;
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("task", taskId);
        n.put("project", projectId);
        n.set("result", result.deepCopy());
        if (score == null) {
            n.putNull("score");
        } else {
            n.put("score", score);
        }
        n.put("model_version", modelVersion);
        n.put("created_at", createdAt.toString());
        n.put("updated_at", updatedAt.toString());
        n.put("created_ago", "0 minutes");
        n.putNull("cluster");
        n.putNull("neighbors");
        n.put("mislabeling", 0.0);
        if (mlBackend == null) {
            n.putNull("model");
        } else {
            n.put("model", mlBackend);
        }
        n.putNull("model_run");
        return n;
    }
}
