package io.camelinference.common.http;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The requests waiting at a {@link RequestGate}: first come first served, except that a status check goes only when
 * its {@link StatusCheckPacer} has a slot, and a check waiting for its slot does not hold up the requests behind it.
 * Not thread-safe: the gate's lock guards it.
 */
final class GateQueue {

    private record Waiter(CompletableFuture<RequestGate.Permit> ticket, long seq) {
    }

    private final ArrayDeque<Waiter> plain = new ArrayDeque<>();
    private final Map<StatusCheckPacer, ArrayDeque<Waiter>> paced = new IdentityHashMap<>();
    private long seq;

    void add(CompletableFuture<RequestGate.Permit> ticket, StatusCheckPacer pacer) {
        Waiter w = new Waiter(ticket, seq++);
        if (pacer == null) {
            plain.add(w);
        } else {
            paced.computeIfAbsent(pacer, p -> new ArrayDeque<>()).add(w);
        }
    }

    boolean isEmpty() {
        dropCancelled();
        if (!plain.isEmpty()) {
            return false;
        }
        for (ArrayDeque<Waiter> q : paced.values()) {
            if (!q.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Waiters still waiting (cancelled ones are dropped). */
    int size() {
        plain.removeIf(w -> w.ticket().isDone());
        int n = plain.size();
        for (ArrayDeque<Waiter> q : paced.values()) {
            q.removeIf(w -> w.ticket().isDone());
            n += q.size();
        }
        return n;
    }

    /** The oldest waiter that may go at {@code now} (taking its pacer's slot), or null when none may. */
    CompletableFuture<RequestGate.Permit> poll(long now) {
        dropCancelled();
        Waiter best = plain.peek();
        StatusCheckPacer bestPacer = null;
        for (Map.Entry<StatusCheckPacer, ArrayDeque<Waiter>> e : paced.entrySet()) {
            Waiter head = e.getValue().peek();
            if (head != null && (best == null || head.seq() < best.seq()) && e.getKey().readyAt(now) - now <= 0) {
                best = head;
                bestPacer = e.getKey();
            }
        }
        if (best == null) {
            return null;
        }
        if (bestPacer == null) {
            plain.poll();
        } else {
            bestPacer.tryTake(now);
            paced.get(bestPacer).poll();
        }
        return best.ticket();
    }

    /** When a waiting status check next gets a slot, or {@link Long#MAX_VALUE} when none waits. */
    long nextPacedAt(long now) {
        long at = Long.MAX_VALUE;
        for (Map.Entry<StatusCheckPacer, ArrayDeque<Waiter>> e : paced.entrySet()) {
            if (!e.getValue().isEmpty()) {
                long ready = e.getKey().readyAt(now);
                at = at == Long.MAX_VALUE || ready - at < 0 ? ready : at;
            }
        }
        return at;
    }

    private void dropCancelled() {
        while (!plain.isEmpty() && plain.peek().ticket().isDone()) {
            plain.poll();
        }
        for (ArrayDeque<Waiter> q : paced.values()) {
            while (!q.isEmpty() && q.peek().ticket().isDone()) {
                q.poll();
            }
        }
    }
}
