package io.camelinference.emulator.labelstudio;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A connected ML backend and its state: {@code CO} connected, {@code DI} disconnected, {@code ER} error, {@code TR} training. */
final class MlBackendRecord {

    static final String CONNECTED = "CO";
    static final String DISCONNECTED = "DI";
    static final String ERROR = "ER";
    static final String TRAINING = "TR";

    final long id;
    final long projectId;
    final Instant createdAt = Instant.now();
    volatile Instant updatedAt = createdAt;
    volatile String url;
    volatile String title = "default";
    volatile String description = "";
    volatile boolean interactive;
    volatile String authMethod = "NONE";
    volatile String basicAuthUser = "";
    volatile String basicAuthPass = "";
    volatile JsonNode extraParams;
    volatile String modelVersion = "";
    volatile double timeout = 100.0;
    volatile boolean autoUpdate = true;
    volatile String state = DISCONNECTED;
    volatile String errorMessage;

    MlBackendRecord(long id, long projectId, String url) {
        this.id = id;
        this.projectId = projectId;
        this.url = url;
    }

    boolean notReady() {
        return DISCONNECTED.equals(state) || ERROR.equals(state);
    }

    static String readable(String state) {
        return switch (state) {
            case CONNECTED -> "Connected";
            case ERROR -> "Error";
            case TRAINING -> "Training";
            case "PR" -> "Predicting";
            default -> "Disconnected";
        };
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("state", state);
        n.put("readable_state", readable(state));
        n.put("is_interactive", interactive);
        n.put("url", url);
        n.put("error_message", errorMessage);
        n.put("title", title);
        n.put("auth_method", authMethod);
        n.put("basic_auth_user", basicAuthUser);
        n.put("basic_auth_pass_is_set", basicAuthPass != null && !basicAuthPass.isEmpty());
        n.put("description", description);
        n.set("extra_params", extraParams == null ? Json.object().nullNode() : extraParams.deepCopy());
        n.put("model_version", modelVersion);
        n.put("timeout", timeout);
        n.put("created_at", createdAt.toString());
        n.put("updated_at", updatedAt.toString());
        n.put("auto_update", autoUpdate);
        n.put("project", projectId);
        return n;
    }
}
