package io.camelinference.commsmining.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.camelinference.commsmining.CommsMiningComponent;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.emulator.InferenceEmulator;
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
@SpringBootTest(classes = CommsMiningSpringBootTest.Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=configprops,env",
                "management.endpoint.configprops.show-values=always",
                "management.endpoint.env.show-values=always" })
@ExtendWith(OutputCaptureExtension.class)
class CommsMiningSpringBootTest {

    /** Not the emulator's default key: a call can only succeed with the one from the properties. */
    private static final String KEY = "commsmining-key-from-application-properties";
    private static final InferenceEmulator EMULATOR = InferenceEmulator.builder().apiKey(KEY).start();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.commsmining.base-url", () -> EMULATOR.baseUrl() + "");
        registry.add("camel.component.commsmining.api-key", () -> KEY);
        registry.add("camel.component.commsmining.poll-initial-delay", () -> "50ms");
        registry.add("camel.component.commsmining.max-retries", () -> "5");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelContext camelContext;

    @LocalServerPort
    private int port;

    @Test
    void theKeyAndOptionsFromApplicationPropertiesReachTheService(CapturedOutput output) {
        CommsMiningPrediction prediction = template.requestBody(
                "commsmining:predict?project=demo&dataset=support-emails",
                "Please refund the $49.90 for order #12345, I returned the item.", CommsMiningPrediction.class);

        assertThat(prediction.topLabel().name()).containsExactly("Billing");

        CommsMiningComponent component = camelContext.getComponent("commsmining", CommsMiningComponent.class);
        assertThat(component.getConfiguration().getPollInitialDelay()).isEqualTo(50);
        assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(5);
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void theKeyIsMaskedInTheActuatorEvenWithValuesShown() throws Exception {
        String configprops = get("/actuator/configprops");
        String env = get("/actuator/env/camel.component.commsmining.api-key");

        assertThat(configprops).contains("camel.component.commsmining").contains(EMULATOR.baseUrl())
                .doesNotContain(KEY);
        assertThat(env).contains("******").doesNotContain(KEY);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
