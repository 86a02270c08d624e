package io.camelinference.common.poll;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps the status checks a component sends one service: at most {@code perSecond} in any one-second window, never
 * exceeded, whatever the scheduler's delays (the times of the last {@code perSecond} checks are kept and a check goes
 * only when the oldest of them is a second old). A check that finds no room waits in a queue, first come first
 * served, until the scheduler lets it through; nothing waits on a thread.
 */
public final class CheckRateLimiter {

    private static final long WINDOW = TimeUnit.SECONDS.toNanos(1);
    /** Above this rate a window would be a large buffer; such a cap is as good as none. */
    static final int MAX_LIMITED_RATE = 100_000;

    private final ScheduledExecutorService scheduler;
    private final long[] sentAt;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private final AtomicLong granted = new AtomicLong();
    private int next;
    private int filled;
    private boolean wakeScheduled;

    public CheckRateLimiter(double perSecond, ScheduledExecutorService scheduler) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("A check rate must be positive, was " + perSecond);
        }
        this.scheduler = scheduler;
        this.sentAt = perSecond > MAX_LIMITED_RATE ? null : new long[(int) Math.max(1, Math.floor(perSecond))];
    }

    /** A limiter that never delays. */
    public static CheckRateLimiter unlimited(ScheduledExecutorService scheduler) {
        return new CheckRateLimiter(Double.MAX_VALUE, scheduler);
    }

    /** Completes when this check may be sent. */
    public CompletableFuture<Void> acquire() {
        if (sentAt == null) {
            granted.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ticket = new CompletableFuture<>();
        synchronized (this) {
            waiting.add(ticket);
        }
        drain();
        return ticket;
    }

    private void drain() {
        List<CompletableFuture<Void>> go = new ArrayList<>();
        synchronized (this) {
            while (!waiting.isEmpty()) {
                long now = System.nanoTime();
                if (filled == sentAt.length) {
                    long oldest = sentAt[next];
                    if (now - oldest < WINDOW) {
                        scheduleWake(oldest + WINDOW - now);
                        break;
                    }
                } else {
                    filled++;
                }
                sentAt[next] = now;
                next = (next + 1) % sentAt.length;
                go.add(waiting.poll());
            }
        }
        granted.addAndGet(go.size());
        go.forEach(t -> t.complete(null));
    }

    private void scheduleWake(long delayNanos) {
        if (wakeScheduled) {
            return;
        }
        wakeScheduled = true;
        try {
            scheduler.schedule(() -> {
                synchronized (this) {
                    wakeScheduled = false;
                }
                drain();
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            wakeScheduled = false;
            List<CompletableFuture<Void>> all = new ArrayList<>(waiting);
            waiting.clear();
            all.forEach(t -> t.complete(null));
        }
    }

    /** Checks let through so far. */
    public long granted() {
        return granted.get();
    }
}
