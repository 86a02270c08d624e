package io.camelinference.common.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RequestGate}'s rate-limit state: after a 429 (or a 503 with Retry-After) the whole service pauses for the
 * time it asked (or a backoff that doubles while the limits go on), plus up to a tenth of jitter; after the pause one
 * request goes first as a probe, and only its success ends the cool-down. Not thread-safe: the gate's lock guards it.
 */
final class CoolDown {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);

    private final String name;
    private final Duration initialPause;
    private final Duration maxPause;
    private long pausedUntil = System.nanoTime();
    private boolean paused;
    private boolean probing;
    private int consecutiveLimits;
    private long rateLimitedCount;

    CoolDown(String name, Duration initialPause, Duration maxPause) {
        this.name = name;
        this.initialPause = initialPause;
        this.maxPause = maxPause;
    }

    /** How many requests may be on the wire now: none while paused, one probe after the pause, else the limit. */
    int allowedInFlight(int limit, long now) {
        if (paused) {
            if (now - pausedUntil < 0) {
                return 0;
            }
            paused = false;
        }
        return probing ? 1 : limit;
    }

    /** The service rate limited a request; returns when the pause ends ({@link System#nanoTime()}). */
    long limited(Duration retryAfter) {
        rateLimitedCount++;
        // a service that keeps saying "retry after 0" still gets a growing pause, not a busy loop of probes
        Duration base = retryAfter == null ? backoff(consecutiveLimits)
                : retryAfter.compareTo(initialPause) < 0 ? initialPause : retryAfter;
        consecutiveLimits++;
        long jitter = base.toNanos() <= 0 ? 0 : ThreadLocalRandom.current().nextLong(base.toNanos() / 10 + 1);
        long until = System.nanoTime() + base.toNanos() + jitter;
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
        }
        if (!paused && !probing) {
            LOG.warn("{} is rate limiting: every request to it pauses for {} ms, then one goes first as a probe", name,
                    Math.max(0, (until - System.nanoTime()) / 1_000_000));
        }
        paused = true;
        probing = true;
        return pausedUntil;
    }

    /** The service answered (not with a rate limit): a probe's answer ends the cool-down. */
    void answered() {
        probing = false;
        consecutiveLimits = 0;
    }

    /** Whether a pause is still running at {@code now}; its end is {@link #pausedUntil()}. */
    boolean pausedAt(long now) {
        return paused && now - pausedUntil < 0;
    }

    long pausedUntil() {
        return pausedUntil;
    }

    /** The gate can no longer wait for the pause's end (the component is stopping): let everything through. */
    void lift() {
        paused = false;
    }

    boolean active() {
        return paused || probing;
    }

    long rateLimitedCount() {
        return rateLimitedCount;
    }

    private Duration backoff(int step) {
        long ms = Math.max(1, initialPause.toMillis());
        for (int i = 0; i < step && ms < maxPause.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, Math.max(1, maxPause.toMillis())));
    }

    @Override
    public String toString() {
        return paused ? "paused" : probing ? "probing" : "open";
    }
}
