package io.camelinference.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts failed exchanges by exception type and keeps the first message of each, for the report. */
final class Failures {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, String> firstMessage = new ConcurrentHashMap<>();

    void add(Throwable error) {
        String type = error.getClass().getSimpleName();
        counts.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
        firstMessage.putIfAbsent(type, String.valueOf(error.getMessage()));
    }

    int count() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** "count x Type" to the first message of that type. */
    Map<String, String> examples() {
        Map<String, String> out = new TreeMap<>();
        counts.forEach((type, n) -> out.put(n.get() + " x " + type, firstMessage.get(type)));
        return out;
    }
}
