package io.camelinference.unitypredict.operation;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.operation.Operation;
import io.camelinference.unitypredict.client.UnityPredictClient;
import io.camelinference.unitypredict.model.UnityPredictResponse;

/** {@code unitypredict:status}: one status check; a completed request's File outcomes are downloaded. */
public final class StatusOperation implements Operation<StatusQuery, PredictResult> {

    private final UnityPredictClient client;
    private final OutputFiles outputs;

    public StatusOperation(UnityPredictClient client, OutputFiles outputs) {
        this.client = client;
        this.outputs = outputs;
    }

    @Override
    public CompletableFuture<PredictResult> execute(StatusQuery query) {
        return client.status(query.requestId()).thenCompose(response -> {
            if (!UnityPredictResponse.COMPLETED.equals(response.status())) {
                return CompletableFuture.completedFuture(new PredictResult(response, List.of()));
            }
            return outputs.download(response, query.outputDirectory()).thenApply(f -> new PredictResult(response, f));
        });
    }
}
