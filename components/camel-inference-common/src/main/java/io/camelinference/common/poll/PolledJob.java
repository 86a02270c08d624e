package io.camelinference.common.poll;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.common.error.JobCancelledException;
import io.camelinference.common.time.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job a {@link JobPoller} waits for: its checks on the shared scheduler, one at a time, each planned by its
 * {@link CheckPlan}; answers brought by other requests (a {@link StatusFeed}) taken as checks made then.
 */
final class PolledJob<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);

    private final String provider;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong checksSent;

    private final String jobId;
    private final PollSchedule schedule;
    private final Deadline deadline;
    private final Function<Deadline, CompletableFuture<JobStatus<T>>> check;
    private final DurationEstimator estimator;
    private final CheckPlan plan;
    private final long startedAt = System.nanoTime();
    private volatile long lastRunningAt = startedAt;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile ScheduledFuture<?> next;
    /** A check is on its way (sent, or a fed answer being taken): at most one at a time. Guarded by this. */
    private boolean checking;
    private int checks;
    private int consecutiveFailures;
    private String lastState = "unknown";
    private Throwable lastFailure;

    PolledJob(String provider, ScheduledExecutorService scheduler, AtomicLong checksSent, String jobId,
               PollSchedule schedule, Deadline deadline, Function<Deadline, CompletableFuture<JobStatus<T>>> check,
               DurationEstimator estimator) {
        this.provider = provider;
        this.scheduler = scheduler;
        this.checksSent = checksSent;
        this.jobId = jobId;
        this.schedule = schedule;
        this.deadline = deadline;
        this.check = check;
        this.estimator = estimator;
        this.plan = new CheckPlan(schedule, estimator == null ? null : estimator.estimate());
    }

    CompletableFuture<T> result() {
        return result;
    }

    /** What the dev console shows of it; read without stopping its checks, so it may be a check behind. */
    PendingJob view(long now) {
        return new PendingJob(jobId, lastState, Duration.ofNanos(now - startedAt), checks);
    }

    /** Schedules the first check. */
    void start() {
        scheduleNext(plan.first());
    }

    private void scheduleNext(Duration delay) {
        if (deadline.passed()) {
            timeOut();
            return;
        }
        // never sleep past the deadline: the last check happens at it, then the job times out
        long delayNanos = Math.min(delay.toNanos(), deadline.remaining().toNanos());
        try {
            next = scheduler.schedule(this::checkNow, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            cancel("the scheduler is shut down");
        }
    }

    private void checkNow() {
        synchronized (this) {
            if (result.isDone() || checking) {
                return; // a fed answer took this check's place and schedules the next
            }
            checking = true;
        }
        // the service's pace of status checks is kept by the HTTP client (StatusCheckPacer), on the wire
        sendCheck();
    }

    /** An answer another request brought: taken as a check made now, unless one is already on its way. */
    void fed(JobStatus<T> status) {
        synchronized (this) {
            ScheduledFuture<?> scheduled = next;
            if (result.isDone() || checking || scheduled == null || !scheduled.cancel(false)) {
                return;
            }
            checking = true;
        }
        checks++;
        onAnswer(status, null, System.nanoTime());
    }

    private void sendCheck() {
        if (result.isDone()) {
            return;
        }
        if (deadline.passed()) {
            timeOut();
            return;
        }
        checks++;
        checksSent.incrementAndGet();
        long sentAt = System.nanoTime();
        CompletableFuture<JobStatus<T>> answer;
        try {
            answer = check.apply(deadline);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        answer.whenComplete((status, error) -> onAnswer(status, error, sentAt));
    }

    /**
     * @param askedAt when the check was started: a job it found running was running then at least. The answer's
     *                arrival would say more, but it comes late when the service or the pace of checks is busy, and
     *                taken as "still running" it would stretch the learned duration and delay the checks of later jobs.
     */
    private void onAnswer(JobStatus<T> status, Throwable error, long askedAt) {
        synchronized (this) {
            // before the next check is scheduled: a check due at once must find the way free
            checking = false;
        }
        if (result.isDone()) {
            return;
        }
        if (error != null) {
            Throwable cause = Failures.cause(error);
            if (JobPoller.isPermanent(cause) || cause instanceof CancellationException) {
                result.completeExceptionally(cause);
                return;
            }
            lastFailure = cause;
            if (++consecutiveFailures == JobPoller.WARN_AFTER_FAILURES) {
                LOG.warn("{} job {}: {} status checks in a row failed ({}); checking on until its deadline",
                        provider, jobId, consecutiveFailures, cause.getMessage());
            } else {
                LOG.debug("{} job {}: status check failed ({}), checking again", provider, jobId, cause.getMessage());
            }
            scheduleNext(plan.next(checks));
            return;
        }
        consecutiveFailures = 0;
        lastFailure = null;
        lastState = status.state();
        if (status instanceof JobStatus.Done<T> done) {
            if (estimator != null) {
                // it finished somewhere between the last check that saw it running and this one
                estimator.observe(Duration.ofNanos(lastRunningAt - startedAt),
                        Duration.ofNanos(System.nanoTime() - startedAt));
            }
            result.complete(done.result());
        } else if (status instanceof JobStatus.Failed<T> failed) {
            result.completeExceptionally(new InferenceJobFailedException(provider, jobId, failed.state(),
                    failed.message()));
        } else if (deadline.passed()) {
            timeOut();
        } else {
            lastRunningAt = askedAt;
            scheduleNext(plan.next(checks));
        }
    }

    private void timeOut() {
        result.completeExceptionally(new InferenceJobTimeoutException(provider, jobId, lastState,
                schedule.waitTimeout(), lastFailure == null ? null : lastFailure.getMessage()));
    }

    void cancel(String reason) {
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
        CancellationException e = new JobCancelledException(jobId, "Stopped waiting for " + provider + " job "
                + jobId + ": " + reason);
        result.completeExceptionally(e);
    }
}
