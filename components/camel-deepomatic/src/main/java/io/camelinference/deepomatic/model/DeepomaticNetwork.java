package io.camelinference.deepomatic.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A neural network: public ones have string ids, yours integer ids (kept here as text) and the id of the task that
 * deploys them ({@code task_id}). Only name, description and metadata can change after creation; framework,
 * preprocessing and postprocessings are fixed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeepomaticNetwork(
        String id,
        String name,
        String description,
        @JsonProperty("create_date") String createDate,
        @JsonProperty("update_date") String updateDate,
        Map<String, Object> metadata,
        String framework,
        Map<String, Object> preprocessing,
        List<Map<String, Object>> postprocessings,
        @JsonProperty("task_id") String taskId) {
}
