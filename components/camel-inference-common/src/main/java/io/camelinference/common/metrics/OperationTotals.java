package io.camelinference.common.metrics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A component's totals per operation since it was created, kept whether or not Micrometer is there: what the dev
 * console shows.
 */
public final class OperationTotals {

    /**
     * One operation's totals.
     *
     * @param failuresByKind failures by kind (see {@link FailureKinds})
     * @param billed         amounts billed by unit tag
     */
    public record Totals(long requests, long failures, Map<String, Long> failuresByKind, long retries,
                         Map<String, BigDecimal> billed) {
    }

    private static final class Counts {
        final LongAdder requests = new LongAdder();
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        final LongAdder retries = new LongAdder();
        /**
         * Billed amounts in billionths of their unit, by unit tag: one lock-free add per call where a BigDecimal sum
         * took a lock and a new BigDecimal (every call of every operation passes here).
         */
        final Map<String, LongAdder> billedNanos = new ConcurrentHashMap<>();
    }

    private static final int NANO_SCALE = 9;
    private static final double NANOS_PER_UNIT = 1e9;

    private final Map<String, Counts> operations = new ConcurrentHashMap<>();

    void request(String operation, String failure) {
        Counts c = counts(operation);
        c.requests.increment();
        if (failure != null) {
            c.failures.computeIfAbsent(failure, k -> new LongAdder()).increment();
        }
    }

    void retry(String operation) {
        counts(operation).retries.increment();
    }

    /** Adds an amount, to a billionth of its unit (finer fractions are rounded: the totals are for reading). */
    void billed(String operation, String unit, BigDecimal amount) {
        Map<String, LongAdder> billed = counts(operation).billedNanos;
        LongAdder total = billed.get(unit);
        if (total == null) {
            total = billed.computeIfAbsent(unit, k -> new LongAdder());
        }
        total.add(Math.round(amount.doubleValue() * NANOS_PER_UNIT));
    }

    private Counts counts(String operation) {
        Counts c = operations.get(operation);
        return c != null ? c : operations.computeIfAbsent(operation, k -> new Counts());
    }

    private static BigDecimal units(LongAdder nanos) {
        BigDecimal amount = BigDecimal.valueOf(nanos.sum(), NANO_SCALE).stripTrailingZeros();
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    /** The totals of every operation used so far, by operation name. */
    public Map<String, Totals> snapshot() {
        Map<String, Totals> answer = new TreeMap<>();
        operations.forEach((operation, c) -> {
            Map<String, Long> failures = new TreeMap<>();
            c.failures.forEach((kind, n) -> failures.put(kind, n.sum()));
            answer.put(operation, new Totals(c.requests.sum(), failures.values().stream().mapToLong(Long::longValue)
                    .sum(), failures, c.retries.sum(), billed(c)));
        });
        return answer;
    }

    private static Map<String, BigDecimal> billed(Counts c) {
        Map<String, BigDecimal> billed = new TreeMap<>();
        c.billedNanos.forEach((unit, nanos) -> billed.put(unit, units(nanos)));
        return billed;
    }
}
