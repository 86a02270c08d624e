package io.camelinference.common.metrics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
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
        final Map<String, BigDecimal> billed = new ConcurrentHashMap<>();
    }

    private final Map<String, Counts> operations = new ConcurrentSkipListMap<>();

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

    void billed(String operation, String unit, BigDecimal amount) {
        counts(operation).billed.merge(unit, amount, BigDecimal::add);
    }

    private Counts counts(String operation) {
        return operations.computeIfAbsent(operation, k -> new Counts());
    }

    /** The totals of every operation used so far, by operation name. */
    public Map<String, Totals> snapshot() {
        Map<String, Totals> answer = new TreeMap<>();
        operations.forEach((operation, c) -> {
            Map<String, Long> failures = new TreeMap<>();
            c.failures.forEach((kind, n) -> failures.put(kind, n.sum()));
            answer.put(operation, new Totals(c.requests.sum(), failures.values().stream().mapToLong(Long::longValue)
                    .sum(), failures, c.retries.sum(), new TreeMap<>(c.billed)));
        });
        return answer;
    }
}
