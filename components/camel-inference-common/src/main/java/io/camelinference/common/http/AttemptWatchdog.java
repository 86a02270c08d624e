package io.camelinference.common.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the attempts of one client that are on the wire: an attempt past its deadline is expired by a sweep that runs
 * every {@link #SWEEP_MILLIS} ms while any attempt is watched. One sweep for all attempts instead of a scheduled task
 * per request: a scheduled task costs a lock and a heap insertion on the way in, another on cancel, and a cancelled
 * task stays in the scheduler's queue until its time (minutes, for the request timeout) unless removed, which is one
 * more heap operation. Deadlines are met to within one sweep.
 */
final class AttemptWatchdog {

    static final long SWEEP_MILLIS = 100;

    /** One watched attempt; {@link #done()} when it ended, whichever way. */
    final class Watched {
        private final long deadlineNanos;
        private final Runnable onExpiry;

        private Watched(long deadlineNanos, Runnable onExpiry) {
            this.deadlineNanos = deadlineNanos;
            this.onExpiry = onExpiry;
        }

        /** Stops watching; the expiry never runs after this returns true. */
        boolean done() {
            return watched.remove(this);
        }
    }

    private final ScheduledExecutorService scheduler;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    /** Written under the lock, read without it first: a watch on a busy client takes no lock. */
    private volatile ScheduledFuture<?> sweeping;

    AttemptWatchdog(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code onExpiry} (on the scheduler) once {@code deadlineNanos} (a {@link System#nanoTime()}) has passed. */
    Watched watch(long deadlineNanos, Runnable onExpiry) {
        Watched w = new Watched(deadlineNanos, onExpiry);
        watched.add(w);
        if (sweeping == null) {
            ensureSweeping();
        }
        return w;
    }

    int watchedCount() {
        return watched.size();
    }

    private synchronized void ensureSweeping() {
        if (sweeping != null) {
            return;
        }
        try {
            sweeping = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the component is stopping: its HTTP client closes and cancels what is on the wire
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watched w : watched) {
            if (now - w.deadlineNanos >= 0 && watched.remove(w)) {
                w.onExpiry.run();
            }
        }
        synchronized (this) {
            // idle clients cost nothing: the sweep stops with the last attempt and restarts with the next
            if (watched.isEmpty() && sweeping != null) {
                sweeping.cancel(false);
                sweeping = null;
                if (!watched.isEmpty()) {
                    // an attempt came in meanwhile and saw the old sweep, so it started none: keep sweeping
                    ensureSweeping();
                }
            }
        }
    }
}
