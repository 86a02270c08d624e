package io.camelinference.deepomatic.operation;

import java.util.List;

import io.camelinference.common.operation.Operation;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.model.DeepomaticTask;

/** The task operations, for routes that follow tasks themselves: task (one by id) and tasks (many in one request). */
public final class TaskOperations {

    private final DeepomaticClient client;

    public TaskOperations(DeepomaticClient client) {
        this.client = client;
    }

    public Operation<String, DeepomaticTask> get() {
        return client::task;
    }

    /** Up to 100 ids per request; ids the service does not know are left out of the answer. */
    public Operation<List<String>, List<DeepomaticTask>> list() {
        return client::tasks;
    }
}
