package io.camelinference.emulator.spi;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** All jobs of all providers. Jobs are keyed by provider and id. */
public final class JobRegistry {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Map<String, NoticeLags> noticeLags = new ConcurrentHashMap<>();

    public JobRegistry(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Creates and registers a job.
     *
     * @param failure non-null when the job will end in the error state on its own (e.g. bad input)
     * @param payload provider-specific result data
     */
    public Job create(String provider, String id, long durationMillis, JobStates states, JobFault fault, String failure,
                      Object payload) {
        Job job = new Job(id, provider, durationMillis, states, fault, failure, payload);
        jobs.put(key(provider, id), job);
        return job;
    }

    public Job get(String provider, String id) {
        return jobs.get(key(provider, id));
    }

    /**
     * The job as a client's status call asks for it: like {@link #get}, and the first time the job is answered
     * finished, how late after its end that was is recorded (see {@link #noticeLags}).
     */
    public Job statusOf(String provider, String id) {
        Job job = get(provider, id);
        if (job != null) {
            long lag = job.firstSeenFinishedLagNanos();
            if (lag >= 0) {
                noticeLags.computeIfAbsent(provider, p -> new NoticeLags()).add(lag);
            }
        }
        return job;
    }

    /** How late after their end a provider's jobs were first answered finished to a status call. */
    public NoticeLags noticeLags(String provider) {
        NoticeLags lags = noticeLags.get(provider);
        return lags == null ? new NoticeLags() : lags;
    }

    /** Runs the action once the job has finished (never, for a job that never finishes); holds no thread meanwhile. */
    public void whenFinished(Job job, Runnable action) {
        long left = job.remainingMillis();
        if (left == Long.MAX_VALUE) {
            return;
        }
        scheduler.schedule(() -> {
            if (jobs.get(key(job.provider(), job.id())) == job) {
                action.run();
            }
        }, left, TimeUnit.MILLISECONDS);
    }

    /** Current number of jobs per state for a provider. */
    public Map<String, Long> countByState(String provider) {
        Map<String, Long> out = new TreeMap<>();
        for (Job j : jobs.values()) {
            if (j.provider().equals(provider)) {
                out.merge(j.state(), 1L, Long::sum);
            }
        }
        return out;
    }

    public java.util.Set<String> providers() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Job j : jobs.values()) {
            out.add(j.provider());
        }
        return out;
    }

    public void clear() {
        jobs.clear();
        noticeLags.clear();
    }

    private static String key(String provider, String id) {
        return provider + '\u0000' + id;
    }
}
