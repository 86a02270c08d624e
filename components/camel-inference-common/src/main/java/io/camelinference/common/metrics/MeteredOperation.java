package io.camelinference.common.metrics;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.camelinference.common.billing.Bill;
import io.camelinference.common.billing.Billing;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.spend.SpendBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operation as the producer runs it: a billed call first reserves its expected amount in the endpoint's spend
 * budget (or is refused there, with nothing sent); when the call ends, its duration, outcome and what it billed are
 * recorded in the component's metrics and what it billed settles the reservation. What a call is refused or fails with
 * before the operation starts is recorded by the producer.
 *
 * @param <I> the request type
 * @param <O> the result type
 */
public final class MeteredOperation<I, O> implements Operation<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(MeteredOperation.class);

    private final String operation;
    private final Operation<I, O> work;
    private final Billing<I, O> billing;
    private final Supplier<ComponentMetrics> metrics;
    private final Supplier<SpendBudget> budget;

    /**
     * @param operation the operation's name, e.g. {@code predict}
     * @param billing   what its calls bill, or null when they bill nothing
     * @param metrics   the component's metrics
     * @param budget    the endpoint's spend budget (null when it has none), read at each call
     */
    public MeteredOperation(String operation, Operation<I, O> work, Billing<I, O> billing,
                            Supplier<ComponentMetrics> metrics, Supplier<SpendBudget> budget) {
        this.operation = operation;
        this.work = work;
        this.billing = billing;
        this.metrics = metrics;
        this.budget = budget;
    }

    @Override
    public CompletableFuture<O> execute(I request) {
        SpendBudget spend = billing == null ? null : budget.get();
        // refused here, before the operation sends anything
        SpendBudget.Reservation reservation = spend == null ? null : spend.reserve(billing.expected(request));
        long started = System.nanoTime();
        CompletableFuture<O> future;
        try {
            future = work.execute(request);
        } catch (RuntimeException e) {
            if (reservation != null) {
                reservation.settle(BigDecimal.ZERO);
            }
            throw e;
        }
        return future.whenComplete((result, error) -> ended(request, result, error, reservation,
                System.nanoTime() - started));
    }

    private void ended(I request, O result, Throwable error, SpendBudget.Reservation reservation, long nanos) {
        try {
            ComponentMetrics m = metrics.get();
            Bill bill;
            if (error == null) {
                bill = billing == null ? Bill.NOTHING : billing.billed(request, result);
            } else {
                bill = billing == null ? Bill.NOTHING : Bill.of(billing.billedOnFailure(request, error));
            }
            if (reservation != null) {
                reservation.settle(bill.amount());
            }
            m.billed(operation, bill);
            m.request(operation, nanos, error);
        } catch (RuntimeException e) {
            // measuring must never change what the route gets
            LOG.warn("Could not record the metrics or spend of a {} call: {}", operation, e.toString());
        }
    }
}
