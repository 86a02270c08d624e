package io.camelinference.common.spend;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.camelinference.common.billing.BillingUnit;

/**
 * The spend budgets of one component, by name: the component's own (named after its scheme), shared by every endpoint
 * that takes spendLimit and spendPeriod from the component, and those of endpoints that set other values.
 */
public final class SpendBudgets {

    private final String provider;
    private final BillingUnit unit;
    private final Consumer<SpendBudget> created;
    private final Map<String, SpendBudget> budgets = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();

    /**
     * @param unit    what the service bills in
     * @param created told of each new budget (its meters are registered there)
     */
    public SpendBudgets(String provider, BillingUnit unit, Consumer<SpendBudget> created) {
        this.provider = provider;
        this.unit = unit;
        this.created = created;
    }

    /** The budget of that name, made with the limit and period on first use. */
    public SpendBudget budget(String id, BigDecimal limit, Duration period) {
        boolean[] made = {false};
        SpendBudget budget = budgets.computeIfAbsent(id, k -> {
            made[0] = true;
            return new SpendBudget(provider, id, unit, limit, period, () -> clock);
        });
        if (made[0]) {
            created.accept(budget);
        }
        return budget;
    }

    public Collection<SpendBudget> all() {
        return List.copyOf(budgets.values());
    }

    /** The clock periods are read from (UTC); tests move it to enter the next period. */
    public void clock(Clock clock) {
        this.clock = clock;
    }
}
