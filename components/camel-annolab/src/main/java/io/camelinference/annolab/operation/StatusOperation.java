package io.camelinference.annolab.operation;

import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.annolab.model.InferenceJob;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.time.Deadline;

/** {@code annolab:status}: one check of an inference job by its id. */
public final class StatusOperation implements Operation<Long, InferenceJob> {

    private final AnnoLabClient client;

    public StatusOperation(AnnoLabClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InferenceJob> execute(Long jobId) {
        return client.inferenceStatus(jobId, Deadline.none());
    }
}
