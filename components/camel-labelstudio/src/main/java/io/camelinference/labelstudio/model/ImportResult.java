package io.camelinference.labelstudio.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The community edition's answer to a task import: counts, and the new tasks' ids. */
public record ImportResult(
        @JsonProperty("task_count") Integer taskCount,
        @JsonProperty("annotation_count") Integer annotationCount,
        @JsonProperty("prediction_count") Integer predictionCount,
        Double duration,
        @JsonProperty("file_upload_ids") List<Long> fileUploadIds,
        @JsonProperty("task_ids") List<Long> taskIds,
        @JsonProperty("found_formats") Object foundFormats,
        @JsonProperty("data_columns") List<String> dataColumns,
        /** Set by non-community editions, which import in the background. */
        @JsonProperty("import") Long importId) {
}
