package io.camelinference.common.poll;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps the status checks a component sends one service: at most {@code perSecond} per second, never exceeded, as evenly
 * spaced slots (no bursts). A check that finds no free slot is scheduled for the next one; nothing waits on a thread.
 */
public final class CheckRateLimiter {

    private final long spacingNanos;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong nextFree = new AtomicLong(System.nanoTime());
    private final AtomicLong granted = new AtomicLong();

    public CheckRateLimiter(double perSecond, ScheduledExecutorService scheduler) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("A check rate must be positive, was " + perSecond);
        }
        this.spacingNanos = Math.max(1, (long) (1_000_000_000L / perSecond));
        this.scheduler = scheduler;
    }

    /** A limiter that never delays. */
    public static CheckRateLimiter unlimited(ScheduledExecutorService scheduler) {
        return new CheckRateLimiter(1e9, scheduler);
    }

    /** Completes when this check may be sent. */
    public CompletableFuture<Void> acquire() {
        long now = System.nanoTime();
        long slot = nextFree.getAndAccumulate(now, (free, n) -> Math.max(free, n) + spacingNanos);
        slot = Math.max(slot, now);
        granted.incrementAndGet();
        long wait = slot - now;
        if (wait <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> ready.complete(null), wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            ready.complete(null);
        }
        return ready;
    }

    /** Checks let through so far. */
    public long granted() {
        return granted.get();
    }
}
