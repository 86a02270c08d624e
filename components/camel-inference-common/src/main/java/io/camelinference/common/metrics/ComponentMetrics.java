package io.camelinference.common.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

import io.camelinference.common.billing.Bill;
import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.http.RetryListener;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.PendingJob;
import io.camelinference.common.spend.SpendBudget;

/**
 * The one place a component's measurements are recorded: calls, failures by kind, retries, billed amounts, pending jobs
 * and spend budgets. It keeps the totals the dev console shows, and hands every measurement to the
 * {@link InferenceMetrics} chosen when the component starts (Micrometer, or nothing).
 */
public final class ComponentMetrics {

    private record GaugeSpec(String name, Map<String, String> tags, DoubleSupplier value) {
    }

    private final BillingUnit unit;
    private final OperationTotals totals = new OperationTotals();
    private final Map<String, Set<JobPoller>> pollers = new ConcurrentHashMap<>();
    private final List<GaugeSpec> gauges = new CopyOnWriteArrayList<>();
    private volatile InferenceMetrics sink = InferenceMetrics.NONE;

    /** @param unit what the service bills in, or null when it bills nothing */
    public ComponentMetrics(BillingUnit unit) {
        this.unit = unit;
    }

    /** Sends measurements to the sink from now on (the component started); its gauges are registered there. */
    public synchronized void start(InferenceMetrics chosen) {
        sink = chosen;
        gauges.forEach(g -> chosen.gauge(g.name(), g.tags(), g.value()));
    }

    /** The component stopped: measurements are no longer sent anywhere, and the sink's gauges are removed. */
    public synchronized void stop() {
        InferenceMetrics old = sink;
        sink = InferenceMetrics.NONE;
        old.close();
    }

    /** What measurements go to now. */
    public InferenceMetrics sink() {
        return sink;
    }

    /**
     * An exchange's call of an operation ended.
     *
     * @param nanos how long it took, or -1 when it was refused before anything was sent
     * @param error null on success
     */
    public void request(String operation, long nanos, Throwable error) {
        String kind = error == null ? null : FailureKinds.of(error);
        totals.request(operation, kind);
        sink.request(operation, nanos, kind);
    }

    /** Counts the retries of an endpoint's HTTP client under its operation. */
    public RetryListener retries(String operation) {
        return (request, reason) -> {
            totals.retry(operation);
            sink.retry(operation, reason);
        };
    }

    /** What a call billed: its amount in the service's unit, and any other quantity its answer reported. */
    public void billed(String operation, Bill bill) {
        if (unit != null && bill.amount().signum() > 0) {
            billed(operation, unit.tag(), bill.amount());
        }
        bill.alsoBilled().forEach((tag, quantity) -> billed(operation, tag, quantity));
    }

    private void billed(String operation, String tag, BigDecimal amount) {
        totals.billed(operation, tag, amount);
        sink.billed(operation, tag, amount.doubleValue());
    }

    /**
     * Counts the poller's pending jobs in the gauge {@code camel.inference.jobs.pending} of the operation (summed over
     * every producer of that operation) and shows them in the dev console.
     *
     * @return stops counting them (the producer stopped)
     */
    public AutoCloseable watch(String operation, JobPoller poller) {
        boolean[] first = {false};
        Set<JobPoller> watched = pollers.computeIfAbsent(operation, op -> {
            first[0] = true;
            return ConcurrentHashMap.newKeySet();
        });
        if (first[0]) {
            gauge("camel.inference.jobs.pending", Map.of("operation", operation),
                    () -> watched.stream().mapToInt(JobPoller::pendingCount).sum());
        }
        watched.add(poller);
        return () -> watched.remove(poller);
    }

    /** Shows a spend budget in the gauges {@code camel.inference.spend} and {@code camel.inference.spend.limit}. */
    public void budget(SpendBudget budget) {
        Map<String, String> tags = Map.of("budget", budget.id(), "unit", budget.unit().tag());
        gauge("camel.inference.spend", tags, () -> budget.spent().doubleValue());
        gauge("camel.inference.spend.limit", tags, () -> budget.limit().doubleValue());
    }

    private synchronized void gauge(String name, Map<String, String> tags, DoubleSupplier value) {
        gauges.add(new GaugeSpec(name, tags, value));
        sink.gauge(name, tags, value);
    }

    /** The totals per operation since the component was created. */
    public Map<String, OperationTotals.Totals> totals() {
        return totals.snapshot();
    }

    /** The jobs being waited for now, by operation. */
    public Map<String, List<PendingJob>> pendingJobs() {
        Map<String, List<PendingJob>> answer = new TreeMap<>();
        pollers.forEach((operation, watched) -> {
            List<PendingJob> jobs = new ArrayList<>();
            watched.forEach(p -> jobs.addAll(p.snapshot()));
            if (!jobs.isEmpty()) {
                answer.put(operation, jobs);
            }
        });
        return answer;
    }
}
