package io.camelinference.unitypredict.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.unitypredict.UnityPredictComponent;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter, configured only through application properties (the key variable is
 * not set for these tests): a real call to the emulator, the options on the component, and the key nowhere in the
 * actuator's configprops and env (values shown on purpose) or in the log.
 */
@SpringBootTest(classes = UnityPredictSpringBootTest.Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=configprops,env,metrics",
                "management.endpoint.configprops.show-values=always",
                "management.endpoint.env.show-values=always" })
@ExtendWith(OutputCaptureExtension.class)
class UnityPredictSpringBootTest {

    /** Not the emulator's default key: a call can only succeed with the one from the properties. */
    private static final String KEY = "unitypredict-key-from-application-properties";
    private static final InferenceEmulator EMULATOR = InferenceEmulator.builder().apiKey(KEY).start();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.unitypredict.base-url", () -> EMULATOR.baseUrl() + "/api");
        registry.add("camel.component.unitypredict.api-key", () -> KEY);
        registry.add("camel.component.unitypredict.poll-initial-delay", () -> "50ms");
        registry.add("camel.component.unitypredict.max-retries", () -> "5");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private MeterRegistry meterRegistry;

    @LocalServerPort
    private int port;

    @Test
    void theKeyAndOptionsFromApplicationPropertiesReachTheService(CapturedOutput output) {
        UnityPredictResponse response = template.requestBody("unitypredict:predict?modelId=heart-risk",
                Map.of("Age", 61, "Chol", 120), UnityPredictResponse.class);

        assertThat(response.status()).isEqualTo("Completed");
        assertThat(response.outcomes()).containsKey("Label");

        UnityPredictComponent component = camelContext.getComponent("unitypredict", UnityPredictComponent.class);
        assertThat(component.getConfiguration().getPollInitialDelay()).isEqualTo(50);
        assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(5);
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void theKeyIsMaskedInTheActuatorEvenWithValuesShown() throws Exception {
        String configprops = get("/actuator/configprops");
        String env = get("/actuator/env/camel.component.unitypredict.api-key");

        assertThat(configprops).contains("camel.component.unitypredict").contains(EMULATOR.baseUrl())
                .doesNotContain(KEY);
        assertThat(env).contains("******").doesNotContain(KEY);
    }

    @Test
    void callsAreMeteredInSpringBootsOwnRegistry() throws Exception {
        template.requestBody("unitypredict:predict?modelId=heart-risk", Map.of("Age", 50, "Chol", 200));

        assertThat(meterRegistry.get("camel.inference.requests").tags("component", "unitypredict", "operation",
                "predict", "outcome", "success").counter().count()).isPositive();
        assertThat(get("/actuator/metrics/camel.inference.billed")).contains("\"name\":\"camel.inference.billed\"")
                .contains("\"usd\"");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
