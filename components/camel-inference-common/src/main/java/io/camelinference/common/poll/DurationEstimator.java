package io.camelinference.common.poll;

import java.time.Duration;

/**
 * Learns how long one kind of job takes (one model of one endpoint) from what the checks saw: each finished job ended
 * somewhere between the last check that found it running and the check that found it done. After two jobs the poller
 * plans its checks around the estimate instead of starting from scratch.
 * <p>
 * The interval is all that is known, and how it is read matters: once the plan checks just after the expected end, a
 * finished job is usually found done at its first check, which says only "it took less than this". Taking the middle
 * of such an interval would halve the estimate; taking a late check's time (the check waited behind a rate cap or a
 * busy service) would stretch it, and the next jobs would be checked later still. So:
 * <ul>
 * <li>a narrow interval (at most a fiftieth of its end, or {@link #NARROW_FLOOR_NANOS}) is a measurement, averaged in.
 * Only a narrow one: the middle of a wider interval is no measurement at all. Of many jobs of one length, the last
 * ones seen done are those whose checks straddled the end late, and their middles lie after it: averaging them in
 * (as a fifth once allowed) taught 33.5 s for 30-second jobs and every later job was found done 5 s late;</li>
 * <li>a wide one only corrects the estimate when it contradicts it: a job done before the estimate pulls it down to the
 * interval's end, a job still running after it pushes it up to the interval's start; otherwise it is left alone;</li>
 * <li>the first two jobs, with nothing to compare with, count with the middle of their interval.</li>
 * </ul>
 */
public final class DurationEstimator {

    static final double WEIGHT = 0.3;
    static final int MIN_OBSERVATIONS = 2;
    /** Intervals this short are measurements whatever the job's length. */
    static final long NARROW_FLOOR_NANOS = 300_000_000L;
    /** Intervals at most this fraction of their end wide are measurements too (0.6 s for 30-second jobs). */
    static final long NARROW_FRACTION = 50;

    private double averageNanos;
    private int observations;

    /** Records a finished job whose end time is known exactly. */
    public void observe(Duration duration) {
        observe(duration, duration);
    }

    /**
     * Records a finished job.
     *
     * @param lastSeenRunning how long after its start a check last found it running (zero if none did)
     * @param foundDone       how long after its start a check found it finished
     */
    public synchronized void observe(Duration lastSeenRunning, Duration foundDone) {
        long lo = Math.max(0, lastSeenRunning.toNanos());
        long hi = Math.max(lo, foundDone.toNanos());
        double middle = (lo + hi) / 2.0;
        boolean narrow = hi - lo <= Math.max(NARROW_FLOOR_NANOS, hi / NARROW_FRACTION);
        if (observations < MIN_OBSERVATIONS) {
            averageNanos = observations == 0 ? middle : (averageNanos * observations + middle) / (observations + 1);
        } else if (narrow) {
            averageNanos = WEIGHT * middle + (1 - WEIGHT) * averageNanos;
        } else if (hi < averageNanos) {
            averageNanos = WEIGHT * hi + (1 - WEIGHT) * averageNanos;
        } else if (lo > averageNanos) {
            averageNanos = WEIGHT * lo + (1 - WEIGHT) * averageNanos;
        }
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
