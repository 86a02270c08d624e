package io.camelinference.labelstudio.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of {@code GET /api/tasks/}: the tasks and the project's totals. */
public record TaskPage(
        List<Task> tasks,
        long total,
        @JsonProperty("total_annotations") long totalAnnotations,
        @JsonProperty("total_predictions") long totalPredictions) {
}
