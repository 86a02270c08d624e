package io.camelinference.unitypredict.operation;

import java.nio.file.Path;
import java.util.Map;

import io.camelinference.common.body.UploadSource;
import io.camelinference.common.job.ResumableRequest;
import io.camelinference.unitypredict.model.UnityPredictRequest;

/**
 * One prediction, as the binding read it from the exchange.
 *
 * @param modelId         the model to run
 * @param request         input values (file inputs still as their content), desired outcomes, context, callback
 * @param files           the inputs that are file content, by input name, to upload before predicting
 * @param waitForCompletion wait for a {@code Processing} job to finish
 * @param jobKey          identifies the message across attempts and restarts, or null
 * @param outputDirectory where File outcomes are downloaded, or null to leave them on the service
 */
public record PredictCall(String modelId, UnityPredictRequest request, Map<String, UploadSource> files, boolean waitForCompletion,
                          String jobKey, Path outputDirectory) implements ResumableRequest {

    @Override
    public java.util.Collection<String> jobKeys() {
        return jobKey == null ? java.util.List.of() : java.util.List.of(jobKey);
    }

    /** Whether the request id must be known before the billed call: to remember the job, or to upload files. */
    boolean initializeFirst() {
        return jobKey != null || !files.isEmpty();
    }
}
