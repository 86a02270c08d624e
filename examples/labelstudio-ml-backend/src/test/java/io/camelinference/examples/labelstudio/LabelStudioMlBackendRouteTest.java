package io.camelinference.examples.labelstudio;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.annolab.AnnoLabComponent;
import io.camelinference.deepomatic.DeepomaticComponent;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.labelstudio.LabelStudioComponent;
import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.model.MlBackend;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repository's YAML route, as shipped, as the ML backend of the emulated Label Studio, with the example's demo
 * driving it: image tasks answered by the emulated Deepomatic's detector, text tasks by the emulated AnnoLab's entity
 * annotator, and Label Studio storing what the route answered.
 */
class LabelStudioMlBackendRouteTest {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().slowModelMillis(200));

    @TempDir
    Path dir;

    private CamelContext context;
    private String backendUrl;
    /** The webhook events the route finished: action, project, and what it answered. */
    private final List<String> webhooksAnswered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        backendUrl = "http://127.0.0.1:" + port + "/ml";
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("labelstudio.backend.url", backendUrl);
        properties.put("labelstudio.demo.image-base", emulator.baseUrl() + "/_emulator/deepomatic/images");
        properties.put("labelstudio.outbox", dir.resolve("outbox").toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getPropertiesComponent().setLocation("classpath:none.properties;optional=true");
        // what Camel Main does with camel.component.* properties, done by hand for a plain context
        context.getComponent("labelstudio", LabelStudioComponent.class).getConfiguration().setBaseUrl(emulator.baseUrl());
        context.getComponent("deepomatic", DeepomaticComponent.class).getConfiguration()
                .setBaseUrl(emulator.baseUrl() + "/v0.7");
        context.getComponent("annolab", AnnoLabComponent.class).getConfiguration().setBaseUrl(emulator.baseUrl());
        for (String scheme : List.of("labelstudio", "deepomatic", "annolab")) {
            ((io.camelinference.common.component.InferenceComponentSupport) context.getComponent(scheme))
                    .componentConfiguration().setApiKey(emulator.apiKey());
        }
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent done
                        && "labelstudio-ml-backend".equals(done.getExchange().getFromRouteId())) {
                    Exchange e = done.getExchange();
                    String action = e.getMessage().getHeader(LabelStudioConstants.ACTION, String.class);
                    if (!"PREDICT".equals(action)) {
                        webhooksAnswered.add(action + " project " + e.getMessage()
                                .getHeader(LabelStudioConstants.PROJECT_ID, Long.class) + ": "
                                + (e.getException() != null ? e.getException() : e.getMessage().getBody()));
                    }
                }
            }
        });
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                "file:../../routes/labelstudio-ml-backend.camel.yaml"));
        context.addRoutes(new LabelStudioDemo());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private List<File> exports() throws Exception {
        Path outbox = dir.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.map(Path::toFile).sorted().toList();
        }
    }

    /** The export of the project whose tasks have this data field. */
    private JsonNode exportWith(String field) throws Exception {
        for (File f : exports()) {
            JsonNode tasks = new ObjectMapper().readTree(f);
            if (tasks.size() > 0 && tasks.get(0).path("data").has(field)) {
                return tasks;
            }
        }
        throw new AssertionError("no export of tasks with " + field + " in " + exports());
    }

    @Test
    void labelStudioStoresTheBoxesOfDeepomaticAndTheEntitiesOfAnnoLabThatTheRouteAnswered() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> exports().size() == 2);

        JsonNode imageTasks = exportWith("image");
        assertThat(imageTasks).hasSize(3);
        for (JsonNode task : imageTasks) {
            JsonNode prediction = task.at("/predictions/0");
            assertThat(prediction.get("model_version").asText()).isEqualTo("deepomatic-annolab-1");
            assertThat(prediction.get("result")).as(task.at("/data/image").asText()).isNotEmpty();
            assertThat(prediction.at("/result/0/from_name").asText()).isEqualTo("colours");
            assertThat(prediction.at("/result/0/type").asText()).isEqualTo("rectanglelabels");
        }
        JsonNode apple = find(imageTasks, "image", "red-apple.png");
        assertThat(apple.at("/predictions/0/result/0/value/rectanglelabels/0").asText()).isEqualTo("Red");

        JsonNode texts = exportWith("text");
        assertThat(texts).hasSize(3);
        JsonNode acme = find(texts, "text", "Acme Corp confirms");
        List<String> labels = acme.at("/predictions/0/result").findValuesAsText("from_name");
        assertThat(labels).isNotEmpty().allMatch("entities"::equals);
        assertThat(acme.at("/predictions/0/result").toString()).contains("\"Organization\"").contains("\"Acme Corp\"")
                .contains("\"Date\"").contains("\"Amount\"").contains("\"Email Address\"");
        assertThat(emulator.stats().billedUnits("deepomatic")).isEqualTo(3);
    }

    @Test
    void trainingReachesTheRouteWhichAnswersThatItsModelsAreTrainedElsewhere() {
        await().atMost(Duration.ofSeconds(60)).until(() -> exports().size() == 2);
        ProducerTemplate template = context.createProducerTemplate();
        List<MlBackend> backends = template.requestBodyAndHeader("labelstudio:list-backends", null,
                LabelStudioConstants.PROJECT_ID, 1L, List.class);
        assertThat(backends).hasSize(1);
        assertThat(webhooksAnswered).as("no webhook before the training").isEmpty();
        template.requestBody("labelstudio:train", backends.get(0).id());
        // Label Studio's train call returns once the webhook was answered; the route had finished it by then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(webhooksAnswered)
                .containsExactly("START_TRAINING project 1: not trained here"));
        MlBackend trained = template.requestBody("labelstudio:get-backend", backends.get(0).id(), MlBackend.class);
        assertThat(trained.state()).isEqualTo(MlBackend.CONNECTED);
        assertThat(trained.errorMessage()).isNull();
    }

    private static JsonNode find(JsonNode tasks, String field, String contains) {
        for (JsonNode t : tasks) {
            if (t.at("/data/" + field).asText().contains(contains)) {
                return t;
            }
        }
        throw new AssertionError("no task whose " + field + " contains " + contains);
    }
}
