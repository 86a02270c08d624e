package io.camelinference.deepomatic.binding;

import java.util.ArrayList;
import java.util.List;

import io.camelinference.common.error.HasJobId;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.common.operation.TopLabel;
import io.camelinference.deepomatic.DeepomaticConstants;
import io.camelinference.deepomatic.model.DeepomaticPrediction;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.deepomatic.model.DeepomaticTask;
import io.camelinference.deepomatic.operation.InferenceCall;
import io.camelinference.deepomatic.operation.InferenceOutcome;
import org.apache.camel.Message;

/** Puts inference and task answers on a message: the result as body, its ids, status and best label as headers. */
final class ResultHeaders {

    private ResultHeaders() {
    }

    static void write(Message message, InferenceOutcome outcome) {
        List<DeepomaticResult> results = outcome.results();
        target(message, outcome.specId(), outcome.versionId());
        message.setHeader(DeepomaticConstants.IMAGE_COUNT, results.size());
        message.setHeader(DeepomaticConstants.TASK_IDS, new ArrayList<>(results.stream().map(DeepomaticResult::taskId)
                .toList()));
        if (outcome.single()) {
            DeepomaticResult result = results.get(0);
            message.setHeader(DeepomaticConstants.TASK_ID, result.taskId());
            message.setHeader(DeepomaticConstants.TASK_STATUS, result.status());
            top(message, result.top());
            message.setBody(result);
        } else {
            boolean allDone = results.stream().allMatch(r -> DeepomaticTask.SUCCESS.equals(r.status()));
            message.setHeader(DeepomaticConstants.TASK_STATUS, allDone ? DeepomaticTask.SUCCESS : DeepomaticTask.PENDING);
            top(message, null);
            message.setBody(results);
        }
    }

    /** What is known of a failed inference: its spec, images, the tasks created so far, and a single task's state. */
    static void failed(Message message, InferenceCall call, Throwable error) {
        boolean single = call == null || call.single();
        if (call != null) {
            List<String> taskIds = call.taskIds().snapshot();
            target(message, call.specId(), call.versionId());
            message.setHeader(DeepomaticConstants.IMAGE_COUNT, taskIds.size());
            message.setHeader(DeepomaticConstants.TASK_IDS, taskIds);
            if (single && taskIds.get(0) != null) {
                message.setHeader(DeepomaticConstants.TASK_ID, taskIds.get(0));
            }
        }
        if (!single) {
            return;
        }
        if (error instanceof HasJobId job && job.getJobId() != null) {
            message.setHeader(DeepomaticConstants.TASK_ID, job.getJobId());
        }
        if (error instanceof InferenceJobFailedException failed) {
            message.setHeader(DeepomaticConstants.TASK_STATUS, failed.getStatus());
        } else if (error instanceof InferenceJobTimeoutException timeout) {
            message.setHeader(DeepomaticConstants.TASK_STATUS, timeout.getLastStatus());
        }
    }

    static void task(Message message, DeepomaticTask task) {
        message.setHeader(DeepomaticConstants.TASK_ID, task.id());
        message.setHeader(DeepomaticConstants.TASK_STATUS, task.status());
        top(message, new DeepomaticResult(null, null, null, task.id(), task.status(), task.outputs()).top());
        message.setBody(task);
    }

    /** The specification or the version the inference ran on. */
    private static void target(Message message, String specId, String versionId) {
        if (versionId != null) {
            message.setHeader(DeepomaticConstants.VERSION_ID, versionId);
        } else {
            message.setHeader(DeepomaticConstants.SPEC_ID, specId);
        }
    }

    /** The best label and its score; none (an earlier call's removed) when nothing was predicted. */
    private static void top(Message message, DeepomaticPrediction top) {
        TopLabel.write(message, DeepomaticConstants.TOP_LABEL, DeepomaticConstants.TOP_SCORE,
                top == null ? null : TopLabel.of(top.labelName(), top.score()));
    }
}
