package io.camelinference.emulator.spi;

import java.util.Arrays;

/**
 * How late after their end jobs were first answered finished to a client's status call: the measure of how quickly
 * a poller notices a finished job, taken where it cannot be skewed by the client's own queues.
 */
public final class NoticeLags {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long lagNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = lagNanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The given percentiles (0-100, nearest rank) in milliseconds, from one sorted copy; 0 when none was recorded. */
    public synchronized double[] percentilesMillis(double... percentiles) {
        double[] out = new double[percentiles.length];
        if (count == 0) {
            return out;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        for (int i = 0; i < percentiles.length; i++) {
            int rank = (int) Math.ceil(percentiles[i] / 100.0 * count);
            out[i] = sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
        }
        return out;
    }
}
