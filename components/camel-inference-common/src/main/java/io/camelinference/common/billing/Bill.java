package io.camelinference.common.billing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one call billed: an amount in the service's {@link BillingUnit} (what the spend budget counts) and, where the
 * service reports more, other quantities by meter unit tag (e.g. UnityPredict's charged compute time as
 * {@code compute_seconds}).
 *
 * @param amount     in the service's billing unit; zero when nothing is known to be billed
 * @param alsoBilled other quantities the answer reported, by unit tag
 */
public record Bill(BigDecimal amount, Map<String, BigDecimal> alsoBilled) {

    /** Nothing billed (or nothing known). */
    public static final Bill NOTHING = new Bill(BigDecimal.ZERO, Map.of());

    public Bill {
        amount = amount == null ? BigDecimal.ZERO : amount;
        alsoBilled = Map.copyOf(alsoBilled);
    }

    public static Bill of(BigDecimal amount) {
        return new Bill(amount, Map.of());
    }

    public static Bill of(long units) {
        return of(BigDecimal.valueOf(units));
    }

    /** This bill and another quantity, e.g. {@code and("compute_seconds", seconds)}; a null amount is left out. */
    public Bill and(String unitTag, BigDecimal quantity) {
        if (quantity == null) {
            return this;
        }
        if (alsoBilled.isEmpty()) {
            return new Bill(amount, Map.of(unitTag, quantity)); // the usual case: one map, no copies
        }
        Map<String, BigDecimal> more = new LinkedHashMap<>(alsoBilled);
        more.merge(unitTag, quantity, BigDecimal::add);
        return new Bill(amount, more);
    }
}
