package io.camelinference.labelstudio.operation;

import java.util.List;

/** "Retrieve Predictions" for a project's tasks: the ids given, or all tasks when the list is empty. */
public record RetrieveCall(long projectId, List<Long> taskIds) {
}
