package io.camelinference.deepomatic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs routes/deepomatic-image-pipeline.camel.yaml, as shipped, against the emulator. */
class DeepomaticRouteTest extends DeepomaticTestSupport {

    static final Path ROUTE = Paths.get("../../routes/deepomatic-image-pipeline.camel.yaml");

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(200));

    @TempDir
    static Path work;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("deepomatic.base-url", emulator.baseUrl() + "/v0.7");
        p.setProperty("deepomatic.spec-id", DETECTOR);
        p.setProperty("deepomatic.inbox", work.resolve("inbox").toString());
        p.setProperty("deepomatic.outbox", work.resolve("outbox").toString());
        p.setProperty("deepomatic.error", work.resolve("error").toString());
        // the black border of the traffic light cut off: the boxes span the whole width that is left
        p.setProperty("deepomatic.crop-uniform-background", "true");
        return p;
    }

    @Test
    void imagesFromTheInboxBecomeJsonResultsAndFailuresLandInTheErrorFolderWithTheReason() throws Exception {
        assertThat(ROUTE).exists();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context,
                "file:" + ROUTE.toAbsolutePath()));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.write(inbox.resolve("traffic-light.png"), sample("traffic-light.png"));
        Files.writeString(inbox.resolve("notes.png"), "no pixels here", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("readme.txt"), "not an image name: left alone", StandardCharsets.UTF_8);

        Path result = work.resolve("outbox/traffic-light.json");
        Path reason = work.resolve("error/notes.png.error.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(result) && Files.exists(reason));

        JsonNode json = new ObjectMapper().readTree(result.toFile());
        assertThat(json.get("image").asText()).isEqualTo("traffic-light.png");
        assertThat(json.get("spec_id").asText()).isEqualTo(DETECTOR);
        assertThat(json.get("task_id").asText()).isNotBlank();
        assertThat(json.get("status").asText()).isEqualTo("success");
        JsonNode predicted = json.at("/outputs/0/labels/predicted");
        assertThat(predicted).hasSize(3);
        assertThat(predicted.get(0).at("/roi/bbox").has("xmin")).isTrue();
        predicted.forEach(p -> assertThat(p.at("/roi/bbox/xmin").asDouble()).isLessThan(0.03));
        assertThat(predicted.get(0).get("label_name").asText()).isIn("red", "yellow", "green");

        assertThat(Files.readString(reason)).contains("400").contains("not an image");
        assertThat(work.resolve("error/notes.png")).hasContent("no pixels here");
        assertThat(work.resolve("outbox/notes.json")).doesNotExist();
        assertThat(inbox.resolve("readme.txt")).exists();
        assertThat(billed()).isEqualTo(1);
    }
}
