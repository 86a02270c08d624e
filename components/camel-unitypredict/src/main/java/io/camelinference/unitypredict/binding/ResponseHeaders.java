package io.camelinference.unitypredict.binding;

import java.io.File;
import java.util.List;

import io.camelinference.common.error.HasJobId;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.common.operation.TopLabel;
import io.camelinference.unitypredict.UnityPredictConstants;
import io.camelinference.unitypredict.model.UnityPredictOutcome;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import io.camelinference.unitypredict.operation.PredictResult;
import org.apache.camel.Message;

/**
 * Puts a UnityPredict answer on a message: the response as body, its ids, status, cost and label (with its probability)
 * as headers.
 */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static void write(Message message, PredictResult result) {
        UnityPredictResponse response = result.response();
        message.setHeader(UnityPredictConstants.REQUEST_ID, response.requestId());
        message.setHeader(UnityPredictConstants.CONTEXT_ID, response.contextId());
        message.setHeader(UnityPredictConstants.STATUS, response.status());
        message.setHeader(UnityPredictConstants.COMPUTE_COST, response.computeCost());
        message.setHeader(UnityPredictConstants.COMPUTE_TIME, response.computeTime());
        message.setHeader(UnityPredictConstants.COMPUTE_TIME_CHARGED, response.computeTimeCharged());
        if (response.errorMessages() != null && !response.errorMessages().isBlank()) {
            message.setHeader(UnityPredictConstants.ERROR_MESSAGES, response.errorMessages());
        }
        UnityPredictOutcome top = response.topOutcome();
        TopLabel.write(message, UnityPredictConstants.TOP_LABEL, UnityPredictConstants.TOP_SCORE,
                top == null ? null : TopLabel.of(top.value(), top.probability()));
        if (!result.outputFiles().isEmpty()) {
            message.setHeader(UnityPredictConstants.OUTPUT_FILES, result.outputFiles());
        }
        message.setBody(response);
    }

    /** The request id and last known status of a job that failed, timed out or was stopped waiting for. */
    static void failed(Message message, Throwable error) {
        if (error instanceof HasJobId job && job.getJobId() != null) {
            message.setHeader(UnityPredictConstants.REQUEST_ID, job.getJobId());
        }
        if (error instanceof InferenceJobFailedException failed) {
            message.setHeader(UnityPredictConstants.STATUS, failed.getStatus());
        } else if (error instanceof InferenceJobTimeoutException timeout) {
            message.setHeader(UnityPredictConstants.STATUS, timeout.getLastStatus());
        }
    }

    static void files(Message message, List<File> files) {
        message.setHeader(UnityPredictConstants.OUTPUT_FILES, files);
    }
}
