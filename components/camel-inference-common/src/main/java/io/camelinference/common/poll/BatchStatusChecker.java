package io.camelinference.common.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import io.camelinference.common.batch.MicroBatcher;
import io.camelinference.common.error.InferenceApiException;

/**
 * Gathers the status checks of many pending jobs into one request, for services that can report on many jobs at once
 * (Deepomatic {@code GET /tasks/?task_ids=1&task_ids=2}): a {@link MicroBatcher} of job ids. Use {@link #check(String)}
 * as the per-job check of a {@link JobPoller}: checks asked for within {@code window} of each other go out together, at
 * most {@code maxBatch} ids per request, so a thousand pending jobs cost a handful of requests per round.
 * <p>
 * A job missing from the answer fails its check with a 404 {@link InferenceApiException} (which the poller treats as
 * permanent and a resumable job as "submit again"); a failed batch request fails every check in it (which the poller
 * retries until the job's deadline).
 *
 * @param <T> the job result type
 */
public final class BatchStatusChecker<T> {

    /** One id's answer in a batch: its status, or why there is none. */
    private record Answer<T>(JobStatus<T> status, RuntimeException error) {
    }

    private final MicroBatcher<String, Answer<T>> batcher;

    /**
     * @param provider   the service, for messages
     * @param scheduler  where a batch waits for its window to close
     * @param window     how long the first check of a batch waits for others to join it
     * @param maxBatch   most ids in one request
     * @param batchCheck asks the service about a list of distinct ids; completes with the status of each id it knows
     */
    public BatchStatusChecker(String provider, ScheduledExecutorService scheduler, Duration window, int maxBatch,
                              Function<List<String>, CompletableFuture<Map<String, JobStatus<T>>>> batchCheck) {
        this.batcher = new MicroBatcher<>(maxBatch, window, scheduler, ids -> {
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
            return batchCheck.apply(distinct).thenApply(statuses -> {
                List<Answer<T>> answers = new ArrayList<>(ids.size());
                for (String id : ids) {
                    JobStatus<T> status = statuses.get(id);
                    answers.add(status != null ? new Answer<>(status, null)
                            : new Answer<>(null, new InferenceApiException(provider, "batch status check", 404,
                                    "the service did not report on job " + id + " (unknown id)", null)));
                }
                return answers;
            });
        });
    }

    /** The status of one job, from the next batch request that includes it. */
    public CompletableFuture<JobStatus<T>> check(String jobId) {
        return batcher.submit(jobId).thenApply(answer -> {
            if (answer.error() != null) {
                throw answer.error();
            }
            return answer.status();
        });
    }

    /** Number of checks waiting for their batch to go out. */
    public int waitingCount() {
        return batcher.waitingCount();
    }

    /** Batch requests sent so far. */
    public long requestsSent() {
        return batcher.batchesSent();
    }
}
