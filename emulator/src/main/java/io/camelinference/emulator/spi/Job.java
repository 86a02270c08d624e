package io.camelinference.emulator.spi;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider job. Its state is derived from the clock when read: it is in the processing state until
 * {@code createdAt + duration}, then in the completed state, or the error state when it failed or a job fault said so.
 * A job with the {@code never} fault stays in the processing state. No thread waits for a job.
 */
public final class Job {

    private final String id;
    private final String provider;
    private final Instant createdAt;
    private final long createdNanos;
    private final long durationNanos;
    private final JobStates states;
    private final JobFault fault;
    private final String failure;
    private final Object payload;
    private final AtomicBoolean finishSeen = new AtomicBoolean();

    Job(String id, String provider, long durationMillis, JobStates states, JobFault fault, String failure, Object payload) {
        this.id = id;
        this.provider = provider;
        this.createdAt = Instant.now();
        this.createdNanos = System.nanoTime();
        this.durationNanos = Math.max(0, durationMillis) * 1_000_000L;
        this.states = states;
        this.fault = fault;
        this.failure = failure;
        this.payload = payload;
    }

    public String id() {
        return id;
    }

    public String provider() {
        return provider;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long durationMillis() {
        return durationNanos / 1_000_000L;
    }

    public JobFault fault() {
        return fault;
    }

    /** Provider-specific result data, set at creation. */
    @SuppressWarnings("unchecked")
    public <T> T payload() {
        return (T) payload;
    }

    public boolean isFinished() {
        return fault != JobFault.NEVER && System.nanoTime() - createdNanos >= durationNanos;
    }

    public boolean isFailed() {
        return isFinished() && (fault == JobFault.ERROR || failure != null);
    }

    /** The failure message once failed (the model's message, or the injected fault's). */
    public String failure() {
        if (!isFailed()) {
            return null;
        }
        return failure != null ? failure : "Injected fault: the job failed.";
    }

    public String state() {
        if (!isFinished()) {
            return states.processing();
        }
        return isFailed() ? states.error() : states.completed();
    }

    /**
     * How long after it finished the job was first seen finished by a status call: nanoseconds, or -1 when it is not
     * finished yet or was seen finished before. Answers a value once per job.
     */
    long firstSeenFinishedLagNanos() {
        if (!isFinished() || !finishSeen.compareAndSet(false, true)) {
            return -1;
        }
        return Math.max(0, System.nanoTime() - createdNanos - durationNanos);
    }

    /** Milliseconds until the job finishes (0 when finished; Long.MAX_VALUE when it never will). */
    public long remainingMillis() {
        if (fault == JobFault.NEVER) {
            return Long.MAX_VALUE;
        }
        long left = durationNanos - (System.nanoTime() - createdNanos);
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000L;
    }
}
