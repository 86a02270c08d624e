package io.camelinference.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.camelinference.emulator.InferenceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boots the example as it ships (its application.properties, the shipped YAML route), pointed at a test emulator on a
 * free port with a key of its own: a file dropped into the inbox comes out summarised, and the actuator's health is UP
 * with Camel's checks in it, the UnityPredict check included.
 */
@SpringBootTest(classes = SpringBootExampleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "example.start-emulator=false", "camel.main.run-controller=false" })
class SpringBootExampleApplicationTest {

    private static final String KEY = "spring-boot-example-key";
    private static final InferenceEmulator EMULATOR = InferenceEmulator.builder().apiKey(KEY).start();

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.unitypredict.base-url", () -> EMULATOR.baseUrl() + "/api");
        registry.add("camel.component.unitypredict.api-key", () -> KEY);
        registry.add("camel.component.unitypredict.job-store-file", () -> work.resolve("state/jobs").toString());
        registry.add("unitypredict.inbox", () -> work.resolve("inbox").toString());
        registry.add("unitypredict.outbox", () -> work.resolve("outbox").toString());
        registry.add("unitypredict.error", () -> work.resolve("error").toString());
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @LocalServerPort
    private int port;

    @Test
    void aFileDroppedIntoTheInboxIsSummarisedOnTheEmulator() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("memo.txt"), "The board approved the budget for the new warehouse. "
                + "Construction starts in May and should finish before the end of the year.");

        Path result = work.resolve("outbox/memo.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result) && Files.size(result) > 0);
        assertThat(Files.readString(result)).contains("Completed");
        assertThat(work.resolve("error")).doesNotExist();
    }

    @Test
    void theActuatorsHealthIsUpWithCamelsChecks() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"camelHealth\":{\"status\":\"UP\"")
                .contains("\"route:unitypredict-file-pipeline\":\"UP\"")
                // the component's own check: the service is reachable and takes the key
                .contains("\"unitypredict\":\"UP\"");
    }
}
