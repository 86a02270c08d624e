package io.camelinference.commsmining.operation;

import io.camelinference.commsmining.client.CommsMiningClient;
import io.camelinference.commsmining.model.CommsMiningStreamBatch;
import io.camelinference.commsmining.model.CommsMiningValidation;
import io.camelinference.common.operation.Operation;

/** {@code stream-fetch}, {@code stream-advance}, {@code stream-reset} and {@code validation}: one call each. */
public final class StreamOperations {

    private final CommsMiningClient client;

    public StreamOperations(CommsMiningClient client) {
        this.client = client;
    }

    public Operation<StreamCall, CommsMiningStreamBatch> fetch() {
        return c -> client.fetch(c.project(), c.dataset(), c.stream(), Integer.parseInt(c.value()));
    }

    /** Completes with the sequence id the stream was advanced to. */
    public Operation<StreamCall, String> advance() {
        return c -> client.advance(c.project(), c.dataset(), c.stream(), c.value()).thenApply(v -> c.value());
    }

    /** Completes with the instant the stream was reset to. */
    public Operation<StreamCall, String> reset() {
        return c -> client.reset(c.project(), c.dataset(), c.stream(), c.value()).thenApply(v -> c.value());
    }

    public Operation<PredictTarget, CommsMiningValidation> validation() {
        return t -> client.validation(t.project(), t.dataset(), t.modelVersion())
                .thenApply(CommsMiningValidation.Response::validation);
    }
}
