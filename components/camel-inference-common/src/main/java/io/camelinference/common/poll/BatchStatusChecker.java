package io.camelinference.common.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;

/**
 * Gathers the status checks of many pending jobs into one request, for services that can report on many jobs at once
 * (Deepomatic {@code GET /tasks/?task_ids=1&task_ids=2}). Use {@link #check(String)} as the per-job check of a
 * {@link JobPoller}: checks asked for within {@code window} of each other go out together, at most {@code maxBatch}
 * ids per request, so a thousand pending jobs cost a handful of requests per poll round instead of a thousand.
 * <p>
 * Holds no thread: the first check of a batch schedules its flush on the shared scheduler; a full batch is flushed at
 * once. A job missing from the answer fails its check with a 404 {@link InferenceApiException} (which the poller
 * treats as permanent); a failed batch request fails every check in it (which the poller tolerates a few times).
 *
 * @param <T> the job result type
 */
public final class BatchStatusChecker<T> {

    private final String provider;
    private final ScheduledExecutorService scheduler;
    private final Duration window;
    private final int maxBatch;
    private final Function<List<String>, CompletableFuture<Map<String, JobStatus<T>>>> batchCheck;

    private final Object lock = new Object();
    private Map<String, List<CompletableFuture<JobStatus<T>>>> waiting = new LinkedHashMap<>();
    private boolean flushScheduled;

    /**
     * @param provider   the service, for messages
     * @param scheduler  where the flush waits for the window to close
     * @param window     how long the first check of a batch waits for others to join it
     * @param maxBatch   most ids in one request
     * @param batchCheck asks the service about a list of ids; completes with the status of each id it knows
     */
    public BatchStatusChecker(String provider, ScheduledExecutorService scheduler, Duration window, int maxBatch,
                              Function<List<String>, CompletableFuture<Map<String, JobStatus<T>>>> batchCheck) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.provider = provider;
        this.scheduler = scheduler;
        this.window = window;
        this.maxBatch = maxBatch;
        this.batchCheck = batchCheck;
    }

    /** The status of one job, from the next batch request that includes it. */
    public CompletableFuture<JobStatus<T>> check(String jobId) {
        CompletableFuture<JobStatus<T>> result = new CompletableFuture<>();
        Map<String, List<CompletableFuture<JobStatus<T>>>> full = null;
        boolean schedule = false;
        synchronized (lock) {
            waiting.computeIfAbsent(jobId, k -> new ArrayList<>(1)).add(result);
            if (waiting.size() >= maxBatch) {
                full = waiting;
                waiting = new LinkedHashMap<>();
            } else if (!flushScheduled) {
                flushScheduled = true;
                schedule = true;
            }
        }
        if (full != null) {
            send(full);
        }
        if (schedule) {
            try {
                scheduler.schedule(this::flush, window.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                flush();
            }
        }
        return result;
    }

    /** Number of checks waiting for their batch to go out. */
    public int waitingCount() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private void flush() {
        Map<String, List<CompletableFuture<JobStatus<T>>>> batch;
        synchronized (lock) {
            flushScheduled = false;
            if (waiting.isEmpty()) {
                return;
            }
            batch = waiting;
            waiting = new LinkedHashMap<>();
        }
        send(batch);
    }

    private void send(Map<String, List<CompletableFuture<JobStatus<T>>>> batch) {
        List<String> ids = new ArrayList<>(batch.keySet());
        CompletableFuture<Map<String, JobStatus<T>>> answer;
        try {
            answer = batchCheck.apply(ids);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((statuses, error) -> {
            for (Map.Entry<String, List<CompletableFuture<JobStatus<T>>>> entry : batch.entrySet()) {
                for (CompletableFuture<JobStatus<T>> f : entry.getValue()) {
                    if (error != null) {
                        f.completeExceptionally(Failures.cause(error));
                    } else if (statuses.get(entry.getKey()) == null) {
                        f.completeExceptionally(new InferenceApiException(provider, "batch status check", 404,
                                "the service did not report on job " + entry.getKey() + " (unknown id)", null));
                    } else {
                        f.complete(statuses.get(entry.getKey()));
                    }
                }
            }
        });
    }
}
