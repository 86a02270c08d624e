package io.camelinference.labelstudio;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.json.Json;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every request the ML backend serves is answered, in the protocol's error shape, whatever fails: a header of the
 * route's answer that cannot be converted, an answer that cannot be written as JSON, a label config that is no XML.
 */
class LabelStudioBackendFailuresTest extends MlBackendTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("labelstudio:ml-backend?contextPath=/score").routeId("score")
                        .setHeader(LabelStudioConstants.SCORE, constant("high")).setBody(constant("Positive"));
                from("labelstudio:ml-backend?contextPath=/score-async&predictMode=async").routeId("score-async")
                        .setHeader(LabelStudioConstants.SCORE, constant("high")).setBody(constant("Positive"));
                from("labelstudio:ml-backend?contextPath=/unwritable").routeId("unwritable")
                        .setBody(constant(Map.of("model", new Unwritable())));
            }
        };
    }

    /** A value Jackson cannot write: its getter throws. */
    public static final class Unwritable {
        public String getWeights() {
            throw new IllegalStateException("the weights are not loaded");
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(backendUrl(path))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode metrics(String contextPath) throws Exception {
        return Json.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(backendUrl(contextPath + "/metrics")))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void aScoreHeaderThatIsNoNumberFailsTheSyncPredictWithA500NamingTheTask() throws Exception {
        HttpResponse<String> response = post("/score/predict", LabelStudioConsumerTest.predictBody(2));

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode error = Json.mapper().readTree(response.body());
        assertThat(error.get("detail").asText()).contains("2 of 2 tasks failed; task 1").contains("high");
        assertThat(error.at("/result/failed_tasks")).hasSize(2);
        JsonNode metrics = metrics("/score");
        assertThat(metrics.get("tasks_in_flight").asInt()).as("each task finished once").isZero();
        assertThat(metrics.get("tasks_succeeded").asLong() + metrics.get("tasks_failed").asLong()).isEqualTo(2);
    }

    @Test
    void aScoreHeaderThatIsNoNumberInAsyncModeIsCountedAsNotStored() throws Exception {
        HttpResponse<String> response = post("/score-async/predict", LabelStudioConsumerTest.predictBody(2));

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics("/score-async").get("predictions_not_stored").asLong() == 2);
        JsonNode metrics = metrics("/score-async");
        assertThat(metrics.get("tasks_in_flight").asInt()).isZero();
        assertThat(metrics.get("predictions_stored").asLong()).isZero();
        assertThat(calls("POST /api/predictions")).isZero();
    }

    @Test
    void aWebhookAnswerThatCannotBeWrittenIsA500InTheProtocolsShape() throws Exception {
        HttpResponse<String> response = post("/unwritable/webhook", "{\"action\":\"START_TRAINING\",\"project\":"
                + "{\"id\":3}}");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode error = Json.mapper().readTree(response.body());
        assertThat(error.get("status").asInt()).isEqualTo(500);
        assertThat(error.get("detail").asText()).contains("the weights are not loaded");
    }

    @Test
    void aWebhookWithALabelConfigThatIsNoXmlIsA400InTheProtocolsShape() throws Exception {
        HttpResponse<String> response = post("/unwritable/webhook", "{\"action\":\"START_TRAINING\",\"project\":"
                + "{\"id\":3,\"label_config\":\"<View\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.mapper().readTree(response.body());
        assertThat(error.get("detail").asText()).contains("label config is not valid XML");
    }
}
