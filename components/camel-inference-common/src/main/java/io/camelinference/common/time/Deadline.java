package io.camelinference.common.time;

import java.time.Duration;

/**
 * A point in time (on the monotonic clock) by which something must be done: a job's {@code waitTimeout}, a request's
 * overall timeout. The earlier of two deadlines bounds work done for both.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long nanos;

    private Deadline(long nanos) {
        this.nanos = nanos;
    }

    /** A deadline {@code timeout} from now. */
    public static Deadline in(Duration timeout) {
        long now = System.nanoTime();
        long t = timeout.toNanos();
        return new Deadline(t >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + t);
    }

    /** No deadline at all. */
    public static Deadline none() {
        return NONE;
    }

    public boolean isNone() {
        return nanos == Long.MAX_VALUE;
    }

    /** Time left, zero once passed. */
    public Duration remaining() {
        if (isNone()) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    public boolean passed() {
        return !isNone() && System.nanoTime() - nanos >= 0;
    }

    /** The earlier of the two. */
    public Deadline min(Deadline other) {
        if (other == null) {
            return this;
        }
        return nanos - other.nanos <= 0 ? this : other;
    }

    @Override
    public String toString() {
        return isNone() ? "no deadline" : "deadline in " + remaining().toMillis() + " ms";
    }
}
