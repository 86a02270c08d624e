package io.camelinference.common.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The average of the last few amounts seen per kind (e.g. per model): how a billing estimates a call whose cost only
 * its answer reports. Kept in memory; after a restart there is no estimate until a call of the kind finished.
 */
public final class RecentAverage {

    private final int window;
    private final Map<String, Deque<BigDecimal>> recent = new ConcurrentHashMap<>();

    /** @param window how many of the last amounts of a kind are averaged */
    public RecentAverage(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.window = window;
    }

    public void add(String kind, BigDecimal amount) {
        Deque<BigDecimal> amounts = recent.computeIfAbsent(kind, k -> new ArrayDeque<>());
        synchronized (amounts) {
            amounts.addLast(amount);
            while (amounts.size() > window) {
                amounts.removeFirst();
            }
        }
    }

    /** The average of the kind's recent amounts, or null when none was seen. */
    public BigDecimal average(String kind) {
        Deque<BigDecimal> amounts = recent.get(kind);
        if (amounts == null) {
            return null;
        }
        synchronized (amounts) {
            if (amounts.isEmpty()) {
                return null;
            }
            BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return sum.divide(BigDecimal.valueOf(amounts.size()), MathContext.DECIMAL64).stripTrailingZeros();
        }
    }
}
