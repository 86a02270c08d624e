package io.camelinference.commsmining;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The YAML routes of the repository (routes/commsmining-*.camel.yaml), as shipped, against the emulator. */
class CommsMiningRoutesTest {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @TempDir
    Path dir;

    private CamelContext context;

    private void start(String route, Properties extra) throws Exception {
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("commsmining.inbox", dir.resolve("inbox").toString());
        properties.put("commsmining.outbox", dir.resolve("outbox").toString());
        properties.put("commsmining.error", dir.resolve("error").toString());
        properties.put("commsmining.stream-outbox", dir.resolve("stream").toString());
        properties.putAll(extra);
        context.getPropertiesComponent().setInitialProperties(properties);
        // what Camel Main does with camel.component.* properties, done by hand for a plain context
        CommsMiningComponent component = context.getComponent("commsmining", CommsMiningComponent.class);
        component.getConfiguration().setBaseUrl(emulator.baseUrl());
        component.getConfiguration().setApiKey(emulator.apiKey());
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:../../routes/" + route));
        context.start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void anEmlBecomesALabelsJsonAndAFailureGoesToTheErrorFolderWithTheReason() throws Exception {
        start("commsmining-email-pipeline.camel.yaml", new Properties());
        Files.createDirectories(dir.resolve("inbox"));
        Emails.write(dir.resolve("inbox/.refund.eml.part"), "Refund", "I returned the item, please refund my money"
                + " of $20.", null, "receipt.pdf", 2048);
        Files.move(dir.resolve("inbox/.refund.eml.part"), dir.resolve("inbox/refund.eml"));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("outbox/refund.json")));
        JsonNode result = new ObjectMapper().readTree(dir.resolve("outbox/refund.json").toFile());
        assertThat(result.at("/labels/0/name/0").asText()).isEqualTo("Billing");
        assertThat(result.at("/comment/attachments/0/name").asText()).isEqualTo("receipt.pdf");
        assertThat(result.at("/entities/0/formatted_value").asText()).isEqualTo("USD 20.00");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("inbox/.done/refund.eml")));

        emulator.faults().add(FaultRule.builder().provider("commsmining").method("POST")
                .path("/api/v1/datasets/*/*/labellers/*/predict-raw-emails").status(403).count(1).build());
        Files.writeString(dir.resolve("inbox/refused.eml"), "From: a@b.example\r\nSubject: hi\r\n\r\nhello\r\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("error/refused.eml.error.txt")));
        assertThat(Files.readString(dir.resolve("error/refused.eml.error.txt"))).contains("403");
        assertThat(dir.resolve("error/refused.eml")).exists();
        assertThat(dir.resolve("outbox/refused.json")).doesNotExist();
    }

    @Test
    void theStreamRouteWritesEachLabelledCommentAndPostsItToTheWebhook() throws Exception {
        Properties p = new Properties();
        p.put("commsmining.webhook-url", emulator.sinkUrl("comments"));
        p.put("commsmining.fetch-size", "10");
        start("commsmining-stream.camel.yaml", p);

        assertThat(emulator.emulator().awaitSink("comments", 24, Duration.ofSeconds(30))).hasSize(24);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("stream/18ba5ce699f8da1f.0024.json")));
        JsonNode first = new ObjectMapper().readTree(dir.resolve("stream/18ba5ce699f8da1f.0001.json").toFile());
        assertThat(first.at("/comment/uid").asText()).isEqualTo("18ba5ce699f8da1f.0001");
        assertThat(first.at("/labels/0/name").isArray()).isTrue();
        assertThat(emulator.sink("comments").get(0).json().at("/comment/uid").asText()).isEqualTo("18ba5ce699f8da1f.0001");
    }
}
