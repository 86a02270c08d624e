package io.camelinference.common.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control for one service: at most {@code maxInFlight} requests on the wire, the rest queued without a
 * thread, first come first served; and a shared cool-down when the service rate-limits.
 * <p>
 * When any request is answered 429 (or 503 with {@code Retry-After}), the whole service pauses for the time it asked
 * (or a backoff when it did not say), plus jitter, instead of every queued request hammering it and collecting 429s
 * of its own. After the pause one request goes first as a probe; only when it succeeds does the gate open fully again,
 * so a storm of any length costs one request per pause, not one per queued message.
 */
public final class RequestGate {

    /** Held while a request is on the wire; give it back with exactly one of the {@code release} methods. */
    public final class Permit {
        private boolean released;

        /** The service answered, and not with a rate limit: after a pause, this reopens the gate. */
        public void answered() {
            release(this, null, Kind.ANSWERED);
        }

        /** The request was rate limited; the service asked to wait {@code retryAfter} (null when it did not say). */
        public void rateLimited(Duration retryAfter) {
            release(this, retryAfter, Kind.LIMITED);
        }

        /** No answer (a transport failure, or the request was abandoned): frees the place, says nothing of the service. */
        public void abandoned() {
            release(this, null, Kind.NO_ANSWER);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);

    private enum Kind { ANSWERED, LIMITED, NO_ANSWER }

    private final String name;
    private final int maxInFlight;
    private final Duration initialPause;
    private final Duration maxPause;
    private final ScheduledExecutorService scheduler;

    private final ArrayDeque<CompletableFuture<Permit>> waiting = new ArrayDeque<>();
    private int inFlight;
    private long pausedUntil = System.nanoTime();
    private boolean paused;
    private boolean probing;
    private int consecutiveLimits;
    private boolean wakeScheduled;
    private long rateLimitedCount;

    /**
     * @param name         the service, for messages
     * @param maxInFlight  most requests on the wire at once
     * @param initialPause pause after a 429 without Retry-After; doubles while 429s go on, up to {@code maxPause}
     * @param scheduler    where the end of a pause is waited for
     */
    public RequestGate(String name, int maxInFlight, Duration initialPause, Duration maxPause,
                       ScheduledExecutorService scheduler) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        this.name = name;
        this.maxInFlight = maxInFlight;
        this.initialPause = initialPause;
        this.maxPause = maxPause;
        this.scheduler = scheduler;
    }

    /** A permit, now or when the gate lets this request through. Cancel the future to leave the queue. */
    public CompletableFuture<Permit> acquire() {
        CompletableFuture<Permit> ticket = new CompletableFuture<>();
        boolean now;
        synchronized (this) {
            now = waiting.isEmpty() && mayStartOne();
            if (now) {
                inFlight++;
            } else {
                waiting.add(ticket);
            }
        }
        if (now) {
            ticket.complete(new Permit());
        }
        return ticket;
    }

    /** Requests queued behind the gate right now. */
    public synchronized int waitingCount() {
        waiting.removeIf(CompletableFuture::isDone);
        return waiting.size();
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** Whether the service is in a rate-limit pause (or probing after one). */
    public synchronized boolean isPaused() {
        return paused || probing;
    }

    /** Rate-limit answers seen so far. */
    public synchronized long rateLimitedCount() {
        return rateLimitedCount;
    }

    private boolean mayStartOne() {
        if (paused) {
            if (System.nanoTime() - pausedUntil < 0) {
                return false;
            }
            paused = false;
        }
        return inFlight < (probing ? 1 : maxInFlight);
    }

    private void release(Permit permit, Duration retryAfter, Kind kind) {
        List<CompletableFuture<Permit>> admit;
        synchronized (this) {
            if (permit.released) {
                return;
            }
            permit.released = true;
            inFlight--;
            if (kind == Kind.LIMITED) {
                rateLimitedCount++;
                pause(retryAfter);
            } else if (kind == Kind.ANSWERED) {
                probing = false;
                consecutiveLimits = 0;
            }
            admit = admitWaiting();
        }
        hand(admit);
    }

    private void pause(Duration retryAfter) {
        // a service that keeps saying "retry after 0" still gets a growing pause, not a busy loop of probes
        Duration backoff = backoff(consecutiveLimits);
        Duration base = retryAfter == null ? backoff
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
        scheduleWake();
    }

    private Duration backoff(int step) {
        long ms = Math.max(1, initialPause.toMillis());
        for (int i = 0; i < step && ms < maxPause.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, Math.max(1, maxPause.toMillis())));
    }

    private void scheduleWake() {
        if (wakeScheduled) {
            return;
        }
        wakeScheduled = true;
        long delay = Math.max(0, pausedUntil - System.nanoTime());
        try {
            scheduler.schedule(this::wake, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            wakeScheduled = false;
            paused = false;
        }
    }

    private void wake() {
        List<CompletableFuture<Permit>> admit;
        synchronized (this) {
            wakeScheduled = false;
            if (paused && System.nanoTime() - pausedUntil < 0) {
                scheduleWake(); // the pause was extended meanwhile
                return;
            }
            admit = admitWaiting();
        }
        hand(admit);
    }

    /** Completes admitted tickets outside the lock; a ticket cancelled meanwhile gives its permit straight back. */
    private void hand(List<CompletableFuture<Permit>> admit) {
        for (CompletableFuture<Permit> ticket : admit) {
            Permit permit = new Permit();
            if (!ticket.complete(permit)) {
                permit.abandoned();
            }
        }
    }

    /** Takes as many waiting tickets as may start now; completed outside the lock by the caller. */
    private List<CompletableFuture<Permit>> admitWaiting() {
        List<CompletableFuture<Permit>> admit = new ArrayList<>();
        while (!waiting.isEmpty() && mayStartOne()) {
            CompletableFuture<Permit> next = waiting.poll();
            if (next.isDone()) {
                continue; // cancelled while waiting
            }
            inFlight++;
            admit.add(next);
        }
        return admit;
    }

    @Override
    public synchronized String toString() {
        return "RequestGate[" + name + ", " + inFlight + "/" + maxInFlight + " in flight, " + waiting.size()
                + " waiting" + (paused ? ", paused" : probing ? ", probing" : "") + "]";
    }
}
