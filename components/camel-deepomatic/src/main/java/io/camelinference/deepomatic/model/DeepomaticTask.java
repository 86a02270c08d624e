package io.camelinference.deepomatic.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.json.Json;

/**
 * A Deepomatic task: {@code pending}, then {@code success} with {@code data}, or {@code error} with {@code error}.
 * For inference tasks, {@link #outputs()} reads {@code data.outputs}.
 */
public record DeepomaticTask(
        String id,
        String status,
        String error,
        @JsonProperty("date_created") String dateCreated,
        @JsonProperty("date_updated") String dateUpdated,
        JsonNode data) {

    public static final String PENDING = "pending";
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";

    /** The inference outputs of a successful inference task; empty otherwise. */
    @JsonIgnore
    public List<DeepomaticOutput> outputs() {
        if (data == null || !data.has("outputs") || !data.get("outputs").isArray()) {
            return List.of();
        }
        return List.of(Json.convert(data.get("outputs"), DeepomaticOutput[].class));
    }
}
