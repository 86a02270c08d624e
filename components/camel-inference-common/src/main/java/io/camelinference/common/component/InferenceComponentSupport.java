package io.camelinference.common.component;

import java.time.Clock;

import io.camelinference.common.health.InferenceHealthCheck;
import io.camelinference.common.metrics.ComponentMetrics;
import io.camelinference.common.metrics.InferenceMetrics;
import io.camelinference.common.spend.SpendBudgets;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.HealthCheckComponent;

/**
 * What every inference component does the same way: owns an {@link InferenceRuntime} (started on first use, closed
 * with the component), prepares each endpoint's copy of the component configuration (API key resolved, every option
 * checked), and reports the service's health (reachable, key accepted) through Camel's health-check registry. It holds
 * the component's metrics (sent to Micrometer when it is on the classpath, chosen when the component starts) and its
 * spend budgets.
 * <p>
 * The concrete component keeps its typed {@code configuration} field and its {@code createEndpoint}, because Camel's
 * metadata generator reads them there.
 */
public abstract class InferenceComponentSupport extends HealthCheckComponent {

    private volatile InferenceRuntime runtime;
    private InferenceHealthCheck healthCheck;
    private ComponentMetrics metrics;
    private SpendBudgets spendBudgets;

    /** The service this component talks to. */
    public abstract InferenceService service();

    /** The component-level configuration, copied into each endpoint (the typed getter is the component's own). */
    public abstract InferenceConfiguration componentConfiguration();

    /** The scheduler, completion pool and HTTP clients of this component, started on first use. */
    public InferenceRuntime runtime() {
        InferenceRuntime current = runtime;
        if (current != null) {
            return current; // every exchange asks: no lock once it exists
        }
        synchronized (this) {
            if (runtime == null) {
                runtime = new InferenceRuntime(getCamelContext(), this, service().runtimeName());
            }
            return runtime;
        }
    }

    /** The component's health check (one per component; it probes each base URL and key its endpoints use). */
    public synchronized InferenceHealthCheck healthCheck() {
        if (healthCheck == null) {
            healthCheck = new InferenceHealthCheck(service(), this::runtime);
        }
        return healthCheck;
    }

    /** What the component measured: calls, failures, retries, billed amounts, pending jobs, budgets. */
    public synchronized ComponentMetrics metrics() {
        if (metrics == null) {
            metrics = new ComponentMetrics(service().billingUnit());
        }
        return metrics;
    }

    /** The component's spend budgets (see the option spendLimit). */
    public synchronized SpendBudgets spendBudgets() {
        if (spendBudgets == null) {
            spendBudgets = new SpendBudgets(service().scheme(), service().billingUnit(), metrics()::budget);
        }
        return spendBudgets;
    }

    /** The clock spend budgets read their periods from (UTC by default); tests move it into the next period. */
    public void spendClock(Clock clock) {
        spendBudgets().clock(clock);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        metrics().start(InferenceMetrics.select(getCamelContext(), service().scheme()));
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null && isHealthCheckProducerEnabled()) {
            registry.register(healthCheck());
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null && healthCheck != null) {
            registry.unregister(healthCheck);
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        if (metrics != null) {
            metrics.stop();
        }
        super.doStop();
    }

    /**
     * Resolves the endpoint configuration's API key (option, then the service's environment variable) and checks every
     * option; fails endpoint creation with a message saying what to set.
     */
    protected void prepare(InferenceConfiguration configuration) {
        InferenceService service = service();
        configuration.setApiKey(ApiKeys.resolve(configuration.getApiKey(), service.apiKeyEnv(), service.scheme()));
        ConfigurationCheck.validate(configuration, service.scheme());
        if (configuration.getSpendLimit() != null && service.billingUnit() == null) {
            throw new IllegalArgumentException(service.scheme() + ": " + service.title() + " bills nothing, so"
                    + " spendLimit does not apply; remove it");
        }
    }
}
