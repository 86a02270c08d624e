package io.camelinference.labelstudio.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Label Studio project: its label config and counts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(
        Long id,
        String title,
        String description,
        @JsonProperty("label_config") String labelConfig,
        @JsonProperty("parsed_label_config") Map<String, Object> parsedLabelConfig,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("task_number") Integer taskNumber,
        @JsonProperty("total_annotations_number") Integer totalAnnotationsNumber,
        @JsonProperty("num_tasks_with_annotations") Integer numTasksWithAnnotations,
        @JsonProperty("total_predictions_number") Integer totalPredictionsNumber,
        @JsonProperty("created_at") String createdAt) {
}
