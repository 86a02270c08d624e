package io.camelinference.kamelets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.CommsMiningStreamResult;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.emulator.deepomatic.SampleImages;
import io.camelinference.labelstudio.model.ImportResult;
import io.camelinference.labelstudio.model.Project;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Kamelet of the jar, loaded from the classpath as kamelet:name, run in a Camel application against the
 * emulator. Each is configured as users configure Kamelets, with camel.kamelet.name.property settings; the key is the
 * Kamelets' apiKey property (no key variable is set for these tests, and the emulator's key is not its default).
 */
class KameletsTest {

    private static final String KEY = "key-given-to-the-kamelets";
    private static InferenceEmulator emulator;
    private static CamelContext context;
    private static ProducerTemplate template;
    private static final List<CommsMiningStreamResult> streamed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        emulator = InferenceEmulator.builder().apiKey(KEY).start();
        String base = emulator.baseUrl();
        Properties p = new Properties();
        kamelet(p, "unitypredict-action", base + "/api");
        kamelet(p, "deepomatic-action", base + "/v0.7");
        kamelet(p, "annolab-action", base);
        p.setProperty("camel.kamelet.annolab-action.groupName", "demo");
        p.setProperty("camel.kamelet.annolab-action.projectIdentifier", "contracts");
        p.setProperty("camel.kamelet.annolab-action.modelIdentifier", "Entity Annotator");
        p.setProperty("camel.kamelet.annolab-action.outputLayerIdentifier", "Predictions");
        kamelet(p, "commsmining-action", base);
        kamelet(p, "commsmining-source", base);
        kamelet(p, "labelstudio-action", base);
        // quick polls: the component's waiting is under test elsewhere
        p.setProperty("camel.component.annolab.pollInitialDelay", "50");
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(p);
        context.getShutdownStrategy().setTimeout(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unitypredict").to("kamelet:unitypredict-action?modelId=heart-risk");
                from("direct:deepomatic").to("kamelet:deepomatic-action?specId=dominant-color-v1");
                from("direct:annolab").to("kamelet:annolab-action");
                from("direct:commsmining").to("kamelet:commsmining-action?project=demo&dataset=support-emails");
                from("kamelet:commsmining-source?project=demo&dataset=support-emails&stream=inbound&fetchSize=5")
                        .process(e -> streamed.add(e.getMessage().getBody(CommsMiningStreamResult.class)));
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    private static void kamelet(Properties p, String name, String baseUrl) {
        p.setProperty("camel.kamelet." + name + ".baseUrl", baseUrl);
        p.setProperty("camel.kamelet." + name + ".apiKey", KEY);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.stop();
        }
        emulator.close();
    }

    @Test
    void unityPredictActionRunsAModel() {
        UnityPredictResponse response = template.requestBody("direct:unitypredict", Map.of("Age", 61, "Chol", 120),
                UnityPredictResponse.class);

        assertThat(response.status()).isEqualTo("Completed");
        assertThat(response.outcomes()).containsKey("Label");
    }

    @Test
    void deepomaticActionRecognisesAnImage() {
        DeepomaticResult result = template.requestBody("direct:deepomatic", SampleImages.get("red-apple.png"),
                DeepomaticResult.class);

        assertThat(result.status()).isEqualTo("success");
        assertThat(result.top().labelName()).isEqualTo("red");
    }

    @Test
    void annoLabActionAnnotatesADocument() {
        Exchange out = template.request("direct:annolab", e -> e.getMessage().setBody("Initech pays Hooli EUR 100.00"));

        assertThat(out.getException()).isNull();
        List<?> annotations = out.getMessage().getBody(List.class);
        assertThat(annotations).isNotEmpty().allSatisfy(a -> assertThat(a).isInstanceOf(AnnoLabAnnotation.class));
        assertThat(annotations.stream().map(a -> ((AnnoLabAnnotation) a).value()))
                .contains("Initech", "Hooli", "EUR 100.00");
    }

    @Test
    void commsMiningActionLabelsAMessage() {
        CommsMiningPrediction prediction = template.requestBody("direct:commsmining",
                "Please refund the $49.90 for order #12345, I returned the item.", CommsMiningPrediction.class);

        assertThat(prediction.topLabel().name()).containsExactly("Billing");
    }

    @Test
    void commsMiningSourceDeliversTheStreamsLabelledComments() {
        await().atMost(Duration.ofSeconds(20)).until(() -> streamed.size() >= 5);

        assertThat(streamed).allSatisfy(r -> assertThat(r.comment()).isNotNull());
        assertThat(streamed).anySatisfy(r -> assertThat(r.labels()).isNotEmpty());
    }

    @Test
    void labelStudioActionImportsTasksForReview() throws Exception {
        Project project = template.requestBody("labelstudio:create-project?baseUrl=" + emulator.baseUrl()
                + "&apiKey=" + KEY, Map.of("title", "Review", "label_config", "<View><Text name=\"text\" "
                + "value=\"$text\"/><Choices name=\"sentiment\" toName=\"text\"><Choice value=\"Positive\"/>"
                + "</Choices></View>"), Project.class);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:labelstudio").to("kamelet:labelstudio-action?projectId=" + project.id());
            }
        });
        Exchange out = template.request("direct:labelstudio", e -> e.getMessage().setBody(
                List.of(Map.of("text", "Acme Corp signed"), Map.of("text", "a bad day"))));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(ImportResult.class).taskCount()).isEqualTo(2);
    }
}
