package io.camelinference.emulator.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeakRateTest {

    private static final long MS = 1_000_000L;

    @Test
    void theBusiestSecondCountsWhereverItStarts() {
        AtomicLong now = new AtomicLong();
        PeakRate rate = new PeakRate(now::get);
        // 100 calls at 0-99 ms, then 100 more at 900-999 ms: 200 within one second
        for (int i = 0; i < 100; i++) {
            now.set(i * MS);
            rate.hit();
        }
        for (int i = 0; i < 100; i++) {
            now.set((900 + i) * MS);
            rate.hit();
        }
        assertThat(rate.peak()).isEqualTo(200);
        // a second later the first ones have left the window: 100 more do not beat the peak
        for (int i = 0; i < 100; i++) {
            now.set((1950 + i) * MS);
            rate.hit();
        }
        assertThat(rate.peak()).isEqualTo(200);
    }

    @Test
    void callsExactlyOneSecondApartAreNotInTheSameWindow() {
        AtomicLong now = new AtomicLong();
        PeakRate rate = new PeakRate(now::get);
        rate.hit();
        now.set(1_000 * MS);
        rate.hit();
        assertThat(rate.peak()).isEqualTo(1);
    }
}
