package io.camelinference.common.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


/**
 * Admission control for one service: at most {@code maxInFlight} requests on the wire, the rest queued without a
 * thread, first come first served; and a shared cool-down when the service rate-limits.
 * <p>
 * When any request is answered 429 (or 503 with {@code Retry-After}), the whole service pauses for the time it asked
 * (or a backoff when it did not say), plus jitter, instead of every queued request hammering it and collecting 429s
 * of its own. After the pause one request goes first as a probe; only when it succeeds does the gate open fully again,
 * so a storm of any length costs one request per pause, not one per queued message.
 * <p>
 * Status checks may also be paced ({@link StatusCheckPacer}): such a check waits for its slot as well as for a place,
 * and lets the requests behind it pass meanwhile.
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


    private enum Kind { ANSWERED, LIMITED, NO_ANSWER }

    private final String name;
    private final int maxInFlight;
    private final ScheduledExecutorService scheduler;

    private final GateQueue waiting = new GateQueue();
    private int inFlight;
    private final CoolDown coolDown;
    /** The earliest wake scheduled ({@link System#nanoTime()}), {@link Long#MAX_VALUE} when none is. */
    private long wakeAt = Long.MAX_VALUE;

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
        this.scheduler = scheduler;
        this.coolDown = new CoolDown(name, initialPause, maxPause);
    }

    /** A permit, now or when the gate lets this request through. Cancel the future to leave the queue. */
    public CompletableFuture<Permit> acquire() {
        return acquire(null);
    }

    /**
     * As {@link #acquire()}, for a status check that also needs a slot of its pacer (taken when the permit is given,
     * that is when the check goes on the wire); null for a request that is not paced.
     */
    public CompletableFuture<Permit> acquire(StatusCheckPacer pacer) {
        CompletableFuture<Permit> ticket = new CompletableFuture<>();
        boolean now;
        List<CompletableFuture<Permit>> admit = List.of();
        synchronized (this) {
            now = waiting.isEmpty() && mayStartOne() && (pacer == null || pacer.tryTake(System.nanoTime()));
            if (now) {
                inFlight++;
            } else {
                waiting.add(ticket, pacer);
                // a plain request may pass checks that wait for their slot
                admit = admitWaiting();
            }
        }
        if (now) {
            ticket.complete(new Permit());
        } else {
            hand(admit);
        }
        return ticket;
    }

    /** A permit if one is free right now (nobody waiting before it), else null: the caller then waits with acquire. */
    public Permit tryAcquire(StatusCheckPacer pacer) {
        synchronized (this) {
            if (!waiting.isEmpty() || !mayStartOne() || (pacer != null && !pacer.tryTake(System.nanoTime()))) {
                return null;
            }
            inFlight++;
        }
        return new Permit();
    }

    /** Requests queued behind the gate right now. */
    public synchronized int waitingCount() {
        return waiting.size();
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** Whether the service is in a rate-limit pause (or probing after one). */
    public synchronized boolean isPaused() {
        return coolDown.active();
    }

    /** Rate-limit answers seen so far. */
    public synchronized long rateLimitedCount() {
        return coolDown.rateLimitedCount();
    }

    private boolean mayStartOne() {
        return inFlight < coolDown.allowedInFlight(maxInFlight, System.nanoTime());
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
                wakeAt(coolDown.limited(retryAfter));
            } else if (kind == Kind.ANSWERED) {
                coolDown.answered();
            }
            admit = admitWaiting();
        }
        hand(admit);
    }

    /** Makes sure the gate looks at its queue again at {@code at}: for the end of a pause, or a status check's slot. */
    private void wakeAt(long at) {
        if (wakeAt != Long.MAX_VALUE && wakeAt - at <= 0) {
            return; // an earlier wake is coming, and it schedules the next
        }
        wakeAt = at;
        try {
            scheduler.schedule(this::wake, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            wakeAt = Long.MAX_VALUE;
            coolDown.lift();
        }
    }

    private void wake() {
        List<CompletableFuture<Permit>> admit;
        synchronized (this) {
            wakeAt = Long.MAX_VALUE;
            if (coolDown.pausedAt(System.nanoTime())) {
                wakeAt(coolDown.pausedUntil()); // the pause was extended meanwhile
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
        if (waiting.isEmpty()) {
            return List.of(); // the usual case when the service keeps up: nothing to allocate
        }
        List<CompletableFuture<Permit>> admit = new ArrayList<>();
        long now = System.nanoTime();
        while (mayStartOne()) {
            CompletableFuture<Permit> next = waiting.poll(now);
            if (next == null) {
                // places are free but the waiting checks have no slot yet: look again when the next one has
                long slot = waiting.nextPacedAt(now);
                if (slot != Long.MAX_VALUE) {
                    wakeAt(slot);
                }
                break;
            }
            inFlight++;
            admit.add(next);
        }
        return admit;
    }

    @Override
    public synchronized String toString() {
        return "RequestGate[" + name + ", " + inFlight + "/" + maxInFlight + " in flight, " + waiting.size()
                + " waiting" + (coolDown.active() ? ", " + coolDown : "") + "]";
    }
}
