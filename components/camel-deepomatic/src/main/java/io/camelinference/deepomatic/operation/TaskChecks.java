package io.camelinference.deepomatic.operation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.poll.BatchStatusChecker;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.common.poll.StatusFeed;
import io.camelinference.common.time.Deadline;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.model.DeepomaticTask;

/**
 * The status checks of the tasks an endpoint waits for, many per {@code GET /tasks/?task_ids=...} request through the
 * engine's {@link BatchStatusChecker}. A task the answer leaves out fails its check with a 404, which the inference
 * chain reads as "the service no longer knows it: submit afresh". Each check is bounded by its job's deadline: the batch
 * request serves many jobs and cannot carry one job's deadline, so a check that has no answer by then fails on its own.
 */
public final class TaskChecks {

    private final BatchStatusChecker<DeepomaticTask> checker;
    private final ScheduledExecutorService scheduler;

    public TaskChecks(DeepomaticClient client, ScheduledExecutorService scheduler, Duration window, int batchSize) {
        this.scheduler = scheduler;
        this.checker = new BatchStatusChecker<>(InferenceChain.PROVIDER, scheduler, window, batchSize,
                ids -> client.tasks(ids).thenApply(TaskChecks::statuses));
    }

    /** The task's status from the next batch request that includes it, or a failure once the deadline passed. */
    public CompletableFuture<JobStatus<DeepomaticTask>> check(String taskId, Deadline deadline) {
        CompletableFuture<JobStatus<DeepomaticTask>> answer = checker.check(taskId);
        if (deadline.isNone() || answer.isDone()) {
            return answer;
        }
        CompletableFuture<JobStatus<DeepomaticTask>> bounded = new CompletableFuture<>();
        ScheduledFuture<?> timer;
        try {
            timer = scheduler.schedule(() -> bounded.completeExceptionally(new InferenceTransportException(
                    InferenceChain.PROVIDER, "the status check of deepomatic task " + taskId + " got no answer before"
                    + " the task's waitTimeout", true, null)), deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            return answer;
        }
        answer.whenComplete((status, error) -> {
            timer.cancel(false);
            if (error != null) {
                bounded.completeExceptionally(Failures.cause(error));
            } else {
                bounded.complete(status);
            }
        });
        return bounded;
    }

    /** Answers about pending tasks that other tasks' batch requests brought along (see BatchStatusChecker). */
    public StatusFeed<DeepomaticTask> feed() {
        return checker;
    }

    /** What a batch answer reports for each task, as the poller's states. */
    static Map<String, JobStatus<DeepomaticTask>> statuses(List<DeepomaticTask> tasks) {
        Map<String, JobStatus<DeepomaticTask>> out = new HashMap<>();
        for (DeepomaticTask task : tasks) {
            out.put(task.id(), toJobStatus(task));
        }
        return out;
    }

    static JobStatus<DeepomaticTask> toJobStatus(DeepomaticTask task) {
        String status = task.status() == null ? "unknown" : task.status();
        return switch (status) {
            case DeepomaticTask.SUCCESS -> JobStatus.done(status, task);
            case DeepomaticTask.ERROR -> JobStatus.failed(status, task.error() == null || task.error().isBlank()
                    ? "the task failed without a message" : task.error());
            case DeepomaticTask.PENDING -> JobStatus.running(status);
            default -> JobStatus.failed(status, "Deepomatic reported an unknown task status '" + status + "'");
        };
    }
}
