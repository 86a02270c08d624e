package io.camelinference.common.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
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
    private final Map<PolledJob<?>, Boolean> pending = new ConcurrentHashMap<>();
    private final Map<String, DurationEstimator> estimators = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong checksSent = new java.util.concurrent.atomic.AtomicLong();

    public JobPoller(String provider, ScheduledExecutorService scheduler) {
        this.provider = provider;
        this.scheduler = scheduler;
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
        return await(jobId, schedule, deadline, check, kind, null);
    }

    /**
     * As {@link #await(String, PollSchedule, Deadline, Function, String)}, and takes the answers about the job that
     * other requests bring (a batch with room for it) as checks made at that moment.
     *
     * @param feed answers about the job nobody asked this poller for, or null
     */
    public <T> CompletableFuture<T> await(String jobId, PollSchedule schedule, Deadline deadline,
                                          Function<Deadline, CompletableFuture<JobStatus<T>>> check, String kind,
                                          StatusFeed<T> feed) {
        DurationEstimator estimator = kind == null ? null : estimator(kind);
        PolledJob<T> job = new PolledJob<>(provider, scheduler, checksSent, jobId, schedule, deadline, check,
                estimator);
        pending.put(job, Boolean.TRUE);
        StatusFeed.Subscription subscription = feed == null ? null : feed.subscribe(jobId, job::fed);
        // the caller hears of the end only once the job has left the pending jobs (the count, the console)
        CompletableFuture<T> done = job.result().whenComplete((r, e) -> {
            pending.remove(job);
            if (subscription != null) {
                subscription.cancel();
            }
        });
        job.start();
        return done;
    }

    /** Number of jobs being waited for right now. */
    public int pendingCount() {
        return pending.size();
    }

    /** Stops waiting for every pending job; each fails with a {@link CancellationException} naming its id. */
    public void cancelAll(String reason) {
        for (PolledJob<?> job : pending.keySet()) {
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

    /**
     * The jobs waited for right now, as the dev console shows them: id, the state the last check saw, how long each
     * has been waited for and how many checks were sent. Read without stopping the checks, so a job may be a check
     * behind.
     */
    public List<PendingJob> snapshot() {
        long now = System.nanoTime();
        List<PendingJob> jobs = new ArrayList<>();
        for (PolledJob<?> job : pending.keySet()) {
            jobs.add(job.view(now));
        }
        return jobs;
    }
}
