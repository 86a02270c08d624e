package io.camelinference.unitypredict;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Camel Main, as an application runs it (camel-main with camel-platform-http-main's management server): the
 * component's health check is in /observe/health, and its dev console at /q/dev/unitypredict.
 */
class UnityPredictMainTest {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Test
    void theHealthCheckAndTheDevConsoleAreServedByTheManagementServer() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:predict").to("unitypredict:predict?modelId=heart-risk");
            }
        });
        main.addInitialProperty("camel.component.unitypredict.base-url", emulator.baseUrl() + "/api");
        main.addInitialProperty("camel.component.unitypredict.spend-limit", "2");
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.port", String.valueOf(port));
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.addInitialProperty("camel.management.devConsoleEnabled", "true");
        main.addInitialProperty("camel.main.devConsoleEnabled", "true");
        main.start();
        try {
            main.getCamelTemplate().requestBody("direct:predict", Map.of("Age", 61, "Chol", 120));

            HttpResponse<String> health = get(port, "/observe/health?exposureLevel=full");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"")
                    .contains("{\"name\":\"unitypredict\",\"status\":\"UP\"}");
            HttpResponse<String> console = get(port, "/q/dev/unitypredict");
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("UnityPredict (unitypredict)")
                    .contains("unitypredict://predict?modelId=heart-risk")
                    .contains("predict  requests 1, failures 0, retries 0, billed ").contains("0.0001 usd")
                    .contains("unitypredict  spent 0.0001 of 2 USD per 24h")
                    .doesNotContain(emulator.apiKey());
        } finally {
            main.stop();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
