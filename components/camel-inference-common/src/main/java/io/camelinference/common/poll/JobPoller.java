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
import java.util.function.Function;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.common.error.JobCancelledException;
import io.camelinference.common.time.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for jobs without holding a thread: each pending job is a scheduled task on a shared scheduler (one or two
 * threads from Camel's ExecutorServiceManager) that starts an asynchronous status check and schedules the next one
 * when the answer arrives. Thousands of pending jobs cost thousands of small scheduled tasks, not threads.
 * <p>
 * A billed job is not abandoned lightly: a check that fails transiently (an outage, a storm of 429s, a timeout) is
 * tried again with backoff until the job's deadline; only a permanent answer (4xx other than 408 and 429, e.g. the
 * service no longer knows the id) fails the job early. Each check is bounded by the job's deadline, so a server that
 * trickles its answer cannot hold the job past it. {@link #cancelAll(String)} fails every pending job, which is what a
 * stopping producer does.
 */
public final class JobPoller {

    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);
    /** After this many failed checks in a row the job's waiting is logged at WARN (once). */
    static final int WARN_AFTER_FAILURES = 3;

    private final String provider;
    private final ScheduledExecutorService scheduler;
    private final CheckRateLimiter rate;
    private final Map<Pending<?>, Boolean> pending = new ConcurrentHashMap<>();
    private final Map<String, DurationEstimator> estimators = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong checksSent = new java.util.concurrent.atomic.AtomicLong();

    public JobPoller(String provider, ScheduledExecutorService scheduler) {
        this(provider, scheduler, CheckRateLimiter.unlimited(scheduler));
    }

    /**
     * @param rate caps the status checks of the service (shared by every poller of the component for that service)
     */
    public JobPoller(String provider, ScheduledExecutorService scheduler, CheckRateLimiter rate) {
        this.provider = provider;
        this.scheduler = scheduler;
        this.rate = rate;
    }

    /** How long jobs of one kind (e.g. one model) take, as learned so far. */
    public DurationEstimator estimator(String kind) {
        return estimators.computeIfAbsent(kind, k -> new DurationEstimator());
    }

    /** Status checks this poller has sent. */
    public long checksSent() {
        return checksSent.get();
    }

    /** Waits for the job on the schedule, for at most the schedule's {@code waitTimeout} from now. */
    public <T> CompletableFuture<T> await(String jobId, PollSchedule schedule,
                                          Function<Deadline, CompletableFuture<JobStatus<T>>> check) {
        return await(jobId, schedule, Deadline.in(schedule.waitTimeout()), check);
    }

    /**
     * Checks the job on the schedule until it is done, failed or past the deadline.
     *
     * @param jobId    the service's id, used in messages and exceptions
     * @param schedule when to check
     * @param deadline when to give up (e.g. the message's waitTimeout, shared by the steps of a chain)
     * @param check    starts one status check, bounded by the deadline it is given
     * @return completes with the result, or fails with {@link InferenceJobFailedException},
     *         {@link InferenceJobTimeoutException}, or a permanent check error
     */
    public <T> CompletableFuture<T> await(String jobId, PollSchedule schedule, Deadline deadline,
                                          Function<Deadline, CompletableFuture<JobStatus<T>>> check) {
        return await(jobId, schedule, deadline, check, null);
    }

    /**
     * As {@link #await(String, PollSchedule, Deadline, Function)}, and learns how long jobs of this kind take, planning
     * the checks of later ones around it (see {@link CheckPlan}).
     *
     * @param kind what kind of job it is, e.g. {@code predict:heart-risk}; null to not learn
     */
    public <T> CompletableFuture<T> await(String jobId, PollSchedule schedule, Deadline deadline,
                                          Function<Deadline, CompletableFuture<JobStatus<T>>> check, String kind) {
        DurationEstimator estimator = kind == null ? null : estimator(kind);
        Pending<T> job = new Pending<>(jobId, schedule, deadline, check, estimator);
        pending.put(job, Boolean.TRUE);
        job.result.whenComplete((r, e) -> pending.remove(job));
        job.scheduleNext(job.plan.first());
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

    /**
     * Whether a failed check may get better by asking again: no usable answer (a transport failure, a timeout), or the
     * service answering 408, 429 or 5xx. Anything else (a 4xx such as an id the service no longer knows, a refusal to
     * send the key to another host, a bug) will not, and fails the job at once.
     */
    static boolean isPermanent(Throwable cause) {
        if (cause instanceof InferenceApiException api) {
            int s = api.getStatusCode();
            return s < 500 && s != 408 && s != 429;
        }
        return !(cause instanceof io.camelinference.common.error.InferenceTransportException
                || cause instanceof java.util.concurrent.TimeoutException);
    }

    private final class Pending<T> {
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
        private int checks;
        private int consecutiveFailures;
        private String lastState = "unknown";
        private Throwable lastFailure;

        Pending(String jobId, PollSchedule schedule, Deadline deadline,
                Function<Deadline, CompletableFuture<JobStatus<T>>> check, DurationEstimator estimator) {
            this.jobId = jobId;
            this.schedule = schedule;
            this.deadline = deadline;
            this.check = check;
            this.estimator = estimator;
            this.plan = new CheckPlan(schedule, estimator == null ? null : estimator.estimate());
        }

        void scheduleNext(Duration delay) {
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
            if (result.isDone()) {
                return;
            }
            // the service's cap on status checks: wait for a free slot (on the scheduler, not a thread)
            rate.acquire().thenRun(this::sendCheck);
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
            CompletableFuture<JobStatus<T>> answer;
            try {
                answer = check.apply(deadline);
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
                if (isPermanent(cause) || cause instanceof CancellationException) {
                    result.completeExceptionally(cause);
                    return;
                }
                lastFailure = cause;
                if (++consecutiveFailures == WARN_AFTER_FAILURES) {
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
                    long now = System.nanoTime();
                    estimator.observe(java.time.Duration.ofNanos((lastRunningAt + now) / 2 - startedAt));
                }
                result.complete(done.result());
            } else if (status instanceof JobStatus.Failed<T> failed) {
                result.completeExceptionally(new InferenceJobFailedException(provider, jobId, failed.state(),
                        failed.message()));
            } else if (deadline.passed()) {
                timeOut();
            } else {
                lastRunningAt = System.nanoTime();
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

    /**
     * The jobs being waited for right now, for the dev console: each one's id, the state its last check saw, how long
     * it has been waited for and how many checks were sent. Read without stopping the checks, so a job may be a check
     * behind.
     */
    public java.util.List<PendingJob> snapshot() {
        long now = System.nanoTime();
        java.util.List<PendingJob> jobs = new java.util.ArrayList<>();
        for (Pending<?> job : pending.keySet()) {
            jobs.add(new PendingJob(job.jobId, job.lastState, Duration.ofNanos(now - job.startedAt), job.checks));
        }
        return jobs;
    }
}
