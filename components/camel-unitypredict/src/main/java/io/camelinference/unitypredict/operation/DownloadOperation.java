package io.camelinference.unitypredict.operation;

import java.io.File;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.operation.Operation;
import io.camelinference.unitypredict.client.UnityPredictClient;

/** {@code unitypredict:download}: streams one output file to disk. */
public final class DownloadOperation implements Operation<DownloadCall, File> {

    private final UnityPredictClient client;

    public DownloadOperation(UnityPredictClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<File> execute(DownloadCall call) {
        return client.download(call.requestId(), call.fileName(), call.target()).thenApply(path -> path.toFile());
    }
}
