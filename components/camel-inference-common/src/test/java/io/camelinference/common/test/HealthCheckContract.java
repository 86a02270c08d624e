package io.camelinference.common.test;

import java.util.Map;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.emulator.InferenceEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every component's health check must show, against a real emulator: UP when the service is reachable and takes
 * the key, DOWN (with a reason) when the key is wrong and when the service cannot be reached. A component's test
 * extends this and names its component, API path and an endpoint to use.
 */
public abstract class HealthCheckContract {

    private InferenceEmulator emulator;
    private CamelContext camel;

    protected abstract InferenceComponentSupport newComponent();

    protected abstract String apiPath();

    /** An endpoint of the component; creating it makes the check probe its base URL and key. */
    protected abstract String endpointUri();

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private HealthCheck.Result check(String apiKey) throws Exception {
        InferenceComponentSupport component = newComponent();
        InferenceConfiguration c = component.componentConfiguration();
        c.setBaseUrl(emulator.baseUrl() + apiPath());
        c.setApiKey(apiKey);
        c.setMaxRetries(0);
        camel = new DefaultCamelContext();
        camel.addComponent(component.service().scheme(), component);
        camel.start();
        camel.getEndpoint(endpointUri()).start();
        String id = component.service().scheme();
        return HealthCheckHelper.invoke(camel).stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + id + " is registered"));
    }

    @Test
    void upWhenTheServiceIsReachableAndTakesTheKey() throws Exception {
        emulator = InferenceEmulator.builder().start();
        HealthCheck.Result result = check(emulator.apiKey());
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat((Map<String, Object>) result.getDetails()).containsValue("UP");
    }

    @Test
    void downWhenTheKeyIsRefused() throws Exception {
        emulator = InferenceEmulator.builder().start();
        HealthCheck.Result result = check("wrong-key-123");
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("refused").doesNotContain("wrong-key-123"));
    }

    @Test
    void downWhenTheServiceCannotBeReached() throws Exception {
        emulator = InferenceEmulator.builder().start();
        String key = emulator.apiKey();
        // the emulator's port, with nothing listening on it any more
        emulator.close();
        HealthCheck.Result result = check(key);
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("unreachable"));
    }
}
