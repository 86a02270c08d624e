package io.camelinference.labelstudio.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A task as the tasks list answers it (with annotations and predictions). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Task(
        Long id,
        Long project,
        Map<String, Object> data,
        Map<String, Object> meta,
        List<Map<String, Object>> annotations,
        List<Map<String, Object>> predictions,
        @JsonProperty("inner_id") Long innerId,
        @JsonProperty("is_labeled") Boolean labeled,
        @JsonProperty("total_annotations") Integer totalAnnotations,
        @JsonProperty("total_predictions") Integer totalPredictions,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {
}
