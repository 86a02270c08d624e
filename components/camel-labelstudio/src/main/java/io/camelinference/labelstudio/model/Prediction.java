package io.camelinference.labelstudio.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A stored prediction: the regions of one task, the model version that made them and a score. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(
        Long id,
        Long task,
        Long project,
        List<Map<String, Object>> result,
        Double score,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {
}
