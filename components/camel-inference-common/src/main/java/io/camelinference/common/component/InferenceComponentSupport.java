package io.camelinference.common.component;

import io.camelinference.common.health.InferenceHealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.HealthCheckComponent;

/**
 * What every inference component does the same way: owns an {@link InferenceRuntime} (started on first use, closed
 * with the component), prepares each endpoint's copy of the component configuration (API key resolved, every option
 * checked), and reports the service's health (reachable, key accepted) through Camel's health-check registry.
 * <p>
 * The concrete component keeps its typed {@code configuration} field and its {@code createEndpoint}, because Camel's
 * metadata generator reads them there.
 */
public abstract class InferenceComponentSupport extends HealthCheckComponent {

    private InferenceRuntime runtime;
    private InferenceHealthCheck healthCheck;

    /** The service this component talks to. */
    public abstract InferenceService service();

    /** The component-level configuration, copied into each endpoint (the typed getter is the component's own). */
    public abstract InferenceConfiguration componentConfiguration();

    /** The scheduler, completion pool and HTTP clients of this component, started on first use. */
    public synchronized InferenceRuntime runtime() {
        if (runtime == null) {
            runtime = new InferenceRuntime(getCamelContext(), this, service().runtimeName());
        }
        return runtime;
    }

    /** The component's health check (one per component; it probes each base URL and key its endpoints use). */
    public synchronized InferenceHealthCheck healthCheck() {
        if (healthCheck == null) {
            healthCheck = new InferenceHealthCheck(service(), this::runtime);
        }
        return healthCheck;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
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
    }
}
