package io.camelinference.common.error;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A billed call was refused before anything was sent, because it would take its spend budget (spendLimit per
 * spendPeriod) past the limit. The message names the budget, its period, what was spent in it and what the call would
 * have added; the getters carry the same for a route's error handler (e.g. to park the message until
 * {@link #getPeriodEnd()}).
 */
public class SpendLimitExceededException extends InferenceException {

    private final String budget;
    private final String unit;
    private final BigDecimal limit;
    private final Duration period;
    private final Instant periodStart;
    private final Instant periodEnd;
    private final BigDecimal spent;
    private final BigDecimal wouldAdd;

    /**
     * @param wouldAdd what the call would have added, or null when the service reports its cost only afterwards
     * @param message  the whole message (see the spend budget that refused the call)
     */
    public SpendLimitExceededException(String provider, String budget, String unit, BigDecimal limit, Duration period,
                                       Instant periodStart, Instant periodEnd, BigDecimal spent, BigDecimal wouldAdd,
                                       String message) {
        super(provider, message);
        this.budget = budget;
        this.unit = unit;
        this.limit = limit;
        this.period = period;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.spent = spent;
        this.wouldAdd = wouldAdd;
    }

    /** The budget's name: the scheme for the component's budget, or the endpoint's own. */
    public String getBudget() {
        return budget;
    }

    /** The unit the service bills in, e.g. USD. */
    public String getUnit() {
        return unit;
    }

    public BigDecimal getLimit() {
        return limit;
    }

    public Duration getPeriod() {
        return period;
    }

    public Instant getPeriodStart() {
        return periodStart;
    }

    /** When the budget starts again from zero. */
    public Instant getPeriodEnd() {
        return periodEnd;
    }

    /** What was spent in this period when the call was refused (with what calls in flight reserved). */
    public BigDecimal getSpent() {
        return spent;
    }

    /** What the call would have added, or null when only its answer would have said. */
    public BigDecimal getWouldAdd() {
        return wouldAdd;
    }
}
