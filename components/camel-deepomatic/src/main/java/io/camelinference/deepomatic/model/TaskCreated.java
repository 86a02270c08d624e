package io.camelinference.deepomatic.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to an inference request: the id of the task that runs it. */
public record TaskCreated(@JsonProperty("task_id") String taskId) {
}
