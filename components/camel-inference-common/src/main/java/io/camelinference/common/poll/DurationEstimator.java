package io.camelinference.common.poll;

import java.time.Duration;

/**
 * Learns how long one kind of job takes (one model of one endpoint): an exponentially weighted average of the
 * durations seen, each taken as the midpoint between the last check that found the job running and the one that found
 * it done. After two observations the poller plans its checks around the estimate instead of starting from scratch.
 */
public final class DurationEstimator {

    static final double WEIGHT = 0.3;
    static final int MIN_OBSERVATIONS = 2;

    private double averageNanos;
    private int observations;

    /** Records a finished job. */
    public synchronized void observe(Duration duration) {
        long nanos = Math.max(0, duration.toNanos());
        averageNanos = observations == 0 ? nanos : WEIGHT * nanos + (1 - WEIGHT) * averageNanos;
        observations++;
    }

    /** The expected duration, or null while too little is known. */
    public synchronized Duration estimate() {
        return observations < MIN_OBSERVATIONS ? null : Duration.ofNanos((long) averageNanos);
    }

    public synchronized int observations() {
        return observations;
    }
}
