package io.camelinference.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Deliveries received by the webhook sinks, by sink name; a waiter is woken by each delivery, not by polling. */
final class WebhookSinks {

    private final Map<String, List<SinkDelivery>> deliveries = new HashMap<>();

    synchronized void add(SinkDelivery delivery) {
        deliveries.computeIfAbsent(delivery.name(), k -> new ArrayList<>()).add(delivery);
        notifyAll();
    }

    /** Oldest first; a copy. */
    synchronized List<SinkDelivery> get(String name) {
        List<SinkDelivery> l = deliveries.get(name);
        return l == null ? List.of() : List.copyOf(l);
    }

    /** Waits until the sink holds at least {@code count} deliveries or the timeout passes; returns what it holds. */
    synchronized List<SinkDelivery> await(String name, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); size(name) < count && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return get(name);
    }

    synchronized void remove(String name) {
        deliveries.remove(name);
    }

    synchronized void clear() {
        deliveries.clear();
    }

    private int size(String name) {
        List<SinkDelivery> l = deliveries.get(name);
        return l == null ? 0 : l.size();
    }
}
