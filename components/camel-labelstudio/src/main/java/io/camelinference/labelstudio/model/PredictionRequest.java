package io.camelinference.labelstudio.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code create-prediction} sends: the task, its regions ({@code from_name}, {@code to_name}, {@code type} and
 * {@code value} each, named as in the project's label config), a score and the model version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionRequest(
        Long task,
        List<Map<String, Object>> result,
        Double score,
        @JsonProperty("model_version") String modelVersion) {
}
