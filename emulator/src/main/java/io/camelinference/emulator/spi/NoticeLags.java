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

    /** The given percentile (0-100, nearest rank) in milliseconds; 0 when none was recorded. */
    public synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
