package io.camelinference.common.metrics;

import java.util.Map;
import java.util.function.DoubleSupplier;

import org.apache.camel.CamelContext;
import org.slf4j.LoggerFactory;

/**
 * Where a component's measurements go: nowhere ({@link #NONE}), or Micrometer when it is on the classpath (meters
 * named {@code camel.inference.*}, tagged with the component and the operation; see {@code MicrometerMetrics}). Chosen
 * once when the component starts, by {@link #select}. Tag values are operation names, failure kinds, units and budget
 * names: never credentials or message content.
 */
public interface InferenceMetrics {

    /** Measures nothing: the choice without Micrometer. */
    InferenceMetrics NONE = new InferenceMetrics() {
    };

    /**
     * An exchange's call of an operation ended.
     *
     * @param nanos   how long the call took, or -1 when it was refused before anything was sent (no latency recorded)
     * @param failure null on success, else the kind of failure (see {@link FailureKinds})
     */
    default void request(String operation, long nanos, String failure) {
    }

    /** A request of the operation is sent again, for the reason given (see the HTTP client's RetryListener). */
    default void retry(String operation, String reason) {
    }

    /** A call of the operation billed an amount in the unit (a meter tag such as {@code usd}). */
    default void billed(String operation, String unit, double amount) {
    }

    /** Registers a gauge; the component tag is added to the tags given. */
    default void gauge(String name, Map<String, String> tags, DoubleSupplier value) {
    }

    /** The component stopped: gauges are removed (counters and timers keep their totals in the registry). */
    default void close() {
    }

    /**
     * Micrometer's meters when Micrometer is on the classpath, in the registry Camel's Micrometer support uses (the
     * bean {@code metricsRegistry}, else the only MeterRegistry in Camel's registry, which in Spring Boot is Boot's
     * own, else Micrometer's global registry); otherwise {@link #NONE}.
     */
    static InferenceMetrics select(CamelContext camelContext, String component) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
                    InferenceMetrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return NONE;
        }
        try {
            return MicrometerMetrics.create(camelContext, component);
        } catch (LinkageError | RuntimeException unusable) {
            // an incompatible Micrometer, or a registry bean that cannot be had: the component works without metrics
            LoggerFactory.getLogger(InferenceMetrics.class).warn("{}: Micrometer is on the classpath but cannot be"
                    + " used ({}); no metrics are recorded", component, unusable.toString());
            return NONE;
        }
    }
}
