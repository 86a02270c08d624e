package io.camelinference.examples.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.CamelContext;
import org.awaitility.Awaitility;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML route of the repository, as shipped, against the emulator. */
class UnityPredictFilePipelineRouteTest {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @TempDir
    Path dir;

    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("unitypredict.inbox", dir.resolve("inbox").toString());
        properties.put("unitypredict.outbox", dir.resolve("outbox").toString());
        properties.put("unitypredict.error", dir.resolve("error").toString());
        properties.put("unitypredict.webhook-url", emulator.sinkUrl("results"));
        properties.put("camel.component.unitypredict.base-url", emulator.baseUrl() + "/api");
        properties.put("camel.component.unitypredict.api-key", emulator.apiKey());
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getPropertiesComponent().setLocation("classpath:none.properties;optional=true");
        // what Camel Main does with camel.component.* properties, done by hand for a plain context
        var component = context.getComponent("unitypredict", io.camelinference.unitypredict.UnityPredictComponent.class);
        component.getConfiguration().setBaseUrl(emulator.baseUrl() + "/api");
        component.getConfiguration().setApiKey(emulator.apiKey());
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:../../routes/unitypredict-file-pipeline.camel.yaml"));
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition::getAsBoolean);
    }

    @Test
    void aFileBecomesAJsonResultAnOutputFileAndAWebhookDelivery() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("inbox/note.txt"), "A great and lovely result. Everyone is happy.");

        await(() -> Files.exists(dir.resolve("outbox/note.json")) && emulator.sink("results").size() == 1);

        JsonNode result = new ObjectMapper().readTree(dir.resolve("outbox/note.json").toFile());
        assertThat(result.get("status").asText()).isEqualTo("Completed");
        assertThat(result.at("/outcomes/Summary/0/value").asText()).isEqualTo("summary.txt");
        assertThat(Files.readString(dir.resolve("outbox/note/summary.txt"))).contains("words");
        assertThat(emulator.sink("results").get(0).json().get("requestId").asText())
                .isEqualTo(result.get("requestId").asText());
        await(() -> !Files.exists(dir.resolve("inbox/note.txt")));
        assertThat(dir.resolve("error")).doesNotExist();
    }

    @Test
    void aFailureCopiesTheInputToTheErrorFolderWithTheReasonAndTheRouteGoesOn() throws Exception {
        emulator.faults().add(FaultRule.builder().provider("unitypredict").method("POST")
                .path("/api/predict/initialize/*").status(403).count(1).build());
        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("inbox/first.txt"), "this one is refused");

        await(() -> Files.exists(dir.resolve("error/first.txt.error.txt")));
        assertThat(Files.readString(dir.resolve("error/first.txt"))).isEqualTo("this one is refused");
        assertThat(Files.readString(dir.resolve("error/first.txt.error.txt")))
                .contains("InferenceApiException").contains("403");
        assertThat(dir.resolve("outbox/first.json")).doesNotExist();

        Files.writeString(dir.resolve("inbox/second.txt"), "this one goes through");
        await(() -> Files.exists(dir.resolve("outbox/second.json")));
    }
}
