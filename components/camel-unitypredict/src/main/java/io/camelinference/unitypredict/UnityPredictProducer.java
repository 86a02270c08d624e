package io.camelinference.unitypredict;

import io.camelinference.common.component.InferenceProducer;
import io.camelinference.unitypredict.binding.DownloadBinding;
import io.camelinference.unitypredict.binding.PredictBinding;
import io.camelinference.unitypredict.binding.StatusBinding;
import io.camelinference.unitypredict.client.UnityPredictClient;
import io.camelinference.unitypredict.operation.DownloadOperation;
import io.camelinference.unitypredict.operation.OutputFiles;
import io.camelinference.unitypredict.operation.PredictBilling;
import io.camelinference.unitypredict.operation.PredictOperation;
import io.camelinference.unitypredict.operation.StatusOperation;

/** Binds each UnityPredict operation to the class that carries it out; the engine does the rest. */
final class UnityPredictProducer extends InferenceProducer<UnityPredictOperation> {

    UnityPredictProducer(UnityPredictEndpoint endpoint) {
        super(endpoint, UnityPredictOperation.class, UnityPredictConstants.OPERATION, endpoint.getOperation());
        UnityPredictConfiguration configuration = endpoint.getConfiguration();
        UnityPredictClient client = new UnityPredictClient(http());
        OutputFiles outputs = new OutputFiles(client);
        bind(UnityPredictOperation.predict, new PredictBinding(configuration, endpoint.jobKeyHeader()),
                new PredictOperation(client, outputs, jobs(), poller(), configuration, runtime()),
                new PredictBilling());
        bind(UnityPredictOperation.status, new StatusBinding(configuration), new StatusOperation(client, outputs));
        bind(UnityPredictOperation.download, new DownloadBinding(configuration, runtime().tempDirectory()),
                new DownloadOperation(client));
    }
}
