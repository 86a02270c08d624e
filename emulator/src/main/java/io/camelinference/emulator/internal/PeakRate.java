package io.camelinference.emulator.internal;

import java.util.function.LongSupplier;

/**
 * The most calls seen in any one-second window (sliding, exact): the arrival times of the last second are kept in a
 * ring, so a client's rate cap can be checked against what the server really received.
 */
public final class PeakRate {

    private static final long WINDOW = 1_000_000_000L;

    private final LongSupplier clock;
    private long[] times = new long[64];
    private int head;
    private int size;
    private int peak;

    public PeakRate() {
        this(System::nanoTime);
    }

    PeakRate(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** Records one call arriving now. */
    public synchronized void hit() {
        long now = clock.getAsLong();
        while (size > 0 && now - times[head] >= WINDOW) {
            head = (head + 1) % times.length;
            size--;
        }
        if (size == times.length) {
            long[] bigger = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = times[(head + i) % times.length];
            }
            times = bigger;
            head = 0;
        }
        times[(head + size) % times.length] = now;
        size++;
        peak = Math.max(peak, size);
    }

    /** The highest number of calls within one second so far. */
    public synchronized int peak() {
        return peak;
    }
}
