package io.camelinference.common.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * The component's meters in a Micrometer registry, each tagged {@code component} (the scheme) and {@code operation}:
 * <ul>
 * <li>{@code camel.inference.requests} (counter; tag {@code outcome}: success or failure) and
 * {@code camel.inference.latency} (timer; tag {@code outcome}): every exchange's call of an operation;</li>
 * <li>{@code camel.inference.failures} (counter; tag {@code kind}, see {@link FailureKinds});</li>
 * <li>{@code camel.inference.retries} (counter; tag {@code reason}): requests sent again;</li>
 * <li>{@code camel.inference.billed} (counter; tag {@code unit}, e.g. usd, compute_seconds, ai_units, inferences);</li>
 * <li>{@code camel.inference.jobs.pending} (gauge): jobs being waited for;</li>
 * <li>{@code camel.inference.spend} and {@code camel.inference.spend.limit} (gauges; tags {@code budget} and
 * {@code unit}, no operation): what a spend budget spent in its current period, and its limit.</li>
 * </ul>
 * Loaded only when Micrometer is on the classpath.
 */
final class MicrometerMetrics implements InferenceMetrics {

    /** The bean name Camel's Micrometer component looks up first. */
    static final String REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;
    private final String component;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    MicrometerMetrics(MeterRegistry registry, String component) {
        this.registry = registry;
        this.component = component;
    }

    static InferenceMetrics create(CamelContext camelContext, String component) {
        return new MicrometerMetrics(registry(camelContext.getRegistry()), component);
    }

    /** The bean named metricsRegistry, else the only MeterRegistry (or the only composite one), else the global one. */
    static MeterRegistry registry(Registry beans) {
        MeterRegistry named = beans.lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (named != null) {
            return named;
        }
        Set<MeterRegistry> all = beans.findByType(MeterRegistry.class);
        if (all.size() == 1) {
            return all.iterator().next();
        }
        List<MeterRegistry> composites = all.stream().filter(CompositeMeterRegistry.class::isInstance).toList();
        return composites.size() == 1 ? composites.get(0) : Metrics.globalRegistry;
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void request(String operation, long nanos, String failure) {
        String outcome = failure == null ? "success" : "failure";
        counter("camel.inference.requests", operation, "outcome", outcome).increment();
        if (failure != null) {
            counter("camel.inference.failures", operation, "kind", failure).increment();
        }
        if (nanos >= 0) {
            timers.computeIfAbsent(operation + "|" + outcome, k -> Timer.builder("camel.inference.latency")
                    .description("How long calls of an inference operation took, waiting for jobs included")
                    .tags("component", component, "operation", operation, "outcome", outcome)
                    .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void retry(String operation, String reason) {
        counter("camel.inference.retries", operation, "reason", reason).increment();
    }

    @Override
    public void billed(String operation, String unit, double amount) {
        counter("camel.inference.billed", operation, "unit", unit).increment(amount);
    }

    @Override
    public void gauge(String name, Map<String, String> tags, DoubleSupplier value) {
        Gauge.Builder<DoubleSupplier> builder = Gauge.builder(name, value, DoubleSupplier::getAsDouble)
                .tag("component", component).strongReference(true);
        tags.forEach(builder::tag);
        gauges.add(builder.register(registry));
    }

    @Override
    public void close() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    private Counter counter(String name, String operation, String tag, String value) {
        return counters.computeIfAbsent(name + "|" + operation + "|" + value, k -> Counter.builder(name)
                .tags("component", component, "operation", operation, tag, value).register(registry));
    }
}
