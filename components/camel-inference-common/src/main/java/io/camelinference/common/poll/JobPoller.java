package io.camelinference.common.poll;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for jobs without holding a thread: each pending job is a scheduled task on a shared scheduler (one or two
 * threads from Camel's ExecutorServiceManager) that starts an asynchronous status check and schedules the next one
 * when the answer arrives. Thousands of pending jobs cost thousands of small scheduled tasks, not threads.
 * <p>
 * A check that fails with a transient error (the HTTP client already retried it) does not fail the job at once:
 * up to {@link #MAX_CONSECUTIVE_CHECK_FAILURES} in a row are tolerated. {@link #cancelAll(String)} fails every pending
 * job, which is what a stopping producer does.
 */
public final class JobPoller {

    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);
    static final int MAX_CONSECUTIVE_CHECK_FAILURES = 3;

    private final String provider;
    private final ScheduledExecutorService scheduler;
    private final Map<Pending<?>, Boolean> pending = new ConcurrentHashMap<>();

    public JobPoller(String provider, ScheduledExecutorService scheduler) {
        this.provider = provider;
        this.scheduler = scheduler;
    }

    /**
     * Checks the job on the schedule until it is done, failed or out of time.
     *
     * @param jobId    the service's id, used in messages and exceptions
     * @param schedule when to check
     * @param check    starts one status check
     * @return completes with the result, or fails with {@link InferenceJobFailedException},
     *         {@link InferenceJobTimeoutException} or the last check's error
     */
    public <T> CompletableFuture<T> await(String jobId, PollSchedule schedule,
                                          Supplier<CompletableFuture<JobStatus<T>>> check) {
        Pending<T> job = new Pending<>(jobId, schedule, check);
        pending.put(job, Boolean.TRUE);
        job.result.whenComplete((r, e) -> pending.remove(job));
        job.scheduleNext(schedule.initialDelay());
        return job.result;
    }

    /** Number of jobs being waited for right now. */
    public int pendingCount() {
        return pending.size();
    }

    /** Stops waiting for every pending job; each fails with a {@link CancellationException} naming its id. */
    public void cancelAll(String reason) {
        for (Pending<?> job : pending.keySet()) {
            job.cancel(reason);
        }
    }

    private final class Pending<T> {
        private final String jobId;
        private final PollSchedule schedule;
        private final Supplier<CompletableFuture<JobStatus<T>>> check;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final long deadline;
        private final long started = System.nanoTime();
        private volatile ScheduledFuture<?> next;
        private int checks;
        private int consecutiveFailures;
        private String lastState = "unknown";

        Pending(String jobId, PollSchedule schedule, Supplier<CompletableFuture<JobStatus<T>>> check) {
            this.jobId = jobId;
            this.schedule = schedule;
            this.check = check;
            this.deadline = started + schedule.waitTimeout().toNanos();
        }

        void scheduleNext(Duration delay) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                timeOut();
                return;
            }
            // never sleep past the deadline: the last check happens at it, then the job times out
            long delayNanos = Math.min(delay.toNanos(), remaining);
            try {
                next = scheduler.schedule(this::checkNow, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                cancel("the scheduler is shut down");
            }
        }

        private void checkNow() {
            if (result.isDone()) {
                return;
            }
            checks++;
            CompletableFuture<JobStatus<T>> answer;
            try {
                answer = check.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            answer.whenComplete(this::onAnswer);
        }

        private void onAnswer(JobStatus<T> status, Throwable error) {
            if (result.isDone()) {
                return;
            }
            if (error != null) {
                Throwable cause = Failures.cause(error);
                if (isPermanent(cause) || ++consecutiveFailures >= MAX_CONSECUTIVE_CHECK_FAILURES) {
                    result.completeExceptionally(cause);
                    return;
                }
                LOG.debug("{} job {}: status check failed ({}), checking again", provider, jobId, cause.getMessage());
                scheduleNext(schedule.backoff().delay(checks));
                return;
            }
            consecutiveFailures = 0;
            lastState = status.state();
            if (status instanceof JobStatus.Done<T> done) {
                result.complete(done.result());
            } else if (status instanceof JobStatus.Failed<T> failed) {
                result.completeExceptionally(new InferenceJobFailedException(provider, jobId, failed.state(),
                        failed.message()));
            } else {
                if (System.nanoTime() >= deadline) {
                    timeOut();
                } else {
                    scheduleNext(schedule.backoff().delay(checks));
                }
            }
        }

        private boolean isPermanent(Throwable cause) {
            // 4xx other than 408/429 will not get better by asking again
            return cause instanceof InferenceApiException api && api.getStatusCode() >= 400 && api.getStatusCode() < 500
                    && api.getStatusCode() != 408 && api.getStatusCode() != 429;
        }

        private void timeOut() {
            result.completeExceptionally(new InferenceJobTimeoutException(provider, jobId, lastState,
                    schedule.waitTimeout()));
        }

        void cancel(String reason) {
            ScheduledFuture<?> f = next;
            if (f != null) {
                f.cancel(false);
            }
            CancellationException e = new CancellationException("Stopped waiting for " + provider + " job " + jobId
                    + ": " + reason);
            result.completeExceptionally(e);
        }
    }
}
