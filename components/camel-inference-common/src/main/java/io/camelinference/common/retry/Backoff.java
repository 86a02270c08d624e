package io.camelinference.common.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, used both between retries of a request and between status checks of a job.
 * The n-th delay is {@code initial * 2^n} capped at {@code max}; jitter then draws it uniformly from its upper half,
 * so many clients that failed together do not come back together.
 */
public record Backoff(Duration initial, Duration max, boolean jitter) {

    public Backoff {
        if (initial.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("Backoff delays must not be negative: initial=" + initial + " max=" + max);
        }
    }

    /** Delay before retry or check number {@code step} (0 = the first one). */
    public Duration delay(int step) {
        long base = Math.max(0, initial.toMillis());
        long cap = Math.max(base, max.toMillis());
        long value = base;
        for (int i = 0; i < step && value < cap; i++) {
            value = value * 2;
        }
        value = Math.min(value, cap);
        if (jitter && value > 1) {
            long half = value / 2;
            value = half + ThreadLocalRandom.current().nextLong(value - half + 1);
        }
        return Duration.ofMillis(value);
    }
}
