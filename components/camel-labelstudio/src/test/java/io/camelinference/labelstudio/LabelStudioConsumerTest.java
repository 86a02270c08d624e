package io.camelinference.labelstudio;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.json.Json;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.labelstudio.model.LabelStudioTask;
import io.camelinference.labelstudio.model.MlBackend;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.AsyncProcessorSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ML-backend protocol as the consumer serves it, called directly as Label Studio calls it: health, setup,
 * metrics, webhooks, predictions in task order under a concurrency limit, answers that do not fit the label config,
 * and Basic auth.
 */
class LabelStudioConsumerTest extends MlBackendTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("labelstudio:ml-backend?contextPath=/limited&maxConcurrentTasks=3").routeId("limited")
                        .process(new SlowEcho());
                from("labelstudio:ml-backend?contextPath=/bad").routeId("bad")
                        .setBody(constant(List.of(Map.of("from_name", "label", "to_name", "text", "type", "choices",
                                "value", Map.of("choices", List.of("Positive"))))));
                from("labelstudio:ml-backend?contextPath=/secure&basicAuthUser=label-studio&basicAuthPassword=s3cret")
                        .routeId("secure").setBody(constant("Positive"));
            }
        };
    }

    /** Answers each task's text as its label 50 ms later, from another thread, counting how many run at once. */
    final class SlowEcho extends AsyncProcessorSupport {
        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            LabelStudioTask task = exchange.getMessage().getBody(LabelStudioTask.class);
            CompletableFuture.runAsync(() -> {
                inFlight.decrementAndGet();
                exchange.getMessage().setBody(task.getText());
                callback.done(false);
            }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            return false;
        }
    }

    static String predictBody(int tasks) {
        StringBuilder t = new StringBuilder();
        for (int i = 1; i <= tasks; i++) {
            t.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"project\":7,\"data\":{\"text\":\"")
                    .append(i % 2 == 0 ? "Positive" : "Negative").append("\"}}");
        }
        return "{\"tasks\":[" + t + "],\"project\":\"7.1700000000\",\"label_config\":" + Json.mapper()
                .valueToTree(TEXT_CONFIG) + ",\"params\":{\"login\":null,\"password\":null,\"context\":null}}";
    }

    HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(backendUrl(path))).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void healthSetupMetricsAndWebhooksAnswerAsAnMlBackendDoes() throws Exception {
        JsonNode health = Json.mapper().readTree(send("GET", "/limited/health", null, null).body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("model_class").asText()).contains("limited");
        JsonNode setup = Json.mapper().readTree(send("POST", "/limited/setup", "{\"project\":\"7.1\",\"schema\":"
                + Json.mapper().valueToTree(TEXT_CONFIG) + "}", null).body());
        assertThat(setup.get("model_version").asText()).isEqualTo("camel-1");
        HttpResponse<String> unknown = send("POST", "/limited/webhook", "{\"action\":\"PROJECT_UPDATED\"}", null);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("Unknown event");
        assertThat(send("GET", "/limited/metrics", null, null).body()).contains("tasks_succeeded");
        assertThat(send("POST", "/limited/predict", "not json", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aPredictRequestGetsOneResultPerTaskInTaskOrderWithAtMostTheLimitInFlight() throws Exception {
        HttpResponse<String> response = send("POST", "/limited/predict", predictBody(30), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = Json.mapper().readTree(response.body()).get("results");
        assertThat(results).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(results.get(i).at("/result/0/value/choices/0").asText()).as("task %d", i + 1)
                    .isEqualTo((i + 1) % 2 == 0 ? "Positive" : "Negative");
            assertThat(results.get(i).get("model_version").asText()).isEqualTo("camel-1");
        }
        assertThat(mostInFlight.get()).isEqualTo(3);
    }

    @Test
    void anAnswerNamedUnlikeTheLabelConfigIsCaughtWithAClearErrorAndLabelStudioStoresNothing() throws Exception {
        HttpResponse<String> direct = send("POST", "/bad/predict", predictBody(2), null);
        assertThat(direct.statusCode()).isEqualTo(500);
        JsonNode error = Json.mapper().readTree(direct.body());
        assertThat(error.get("detail").asText()).contains("2 of 2 tasks failed; task 1")
                .contains("from_name 'label' is not a control of the label config")
                .contains("sentiment (Choices to text), entities (Labels to text)");
        assertThat(error.at("/result/failed_tasks")).hasSize(2);

        long project = createProject(TEXT_CONFIG);
        template.requestBodyAndHeader("labelstudio:import-tasks", List.of(Map.of("text", "x")),
                LabelStudioConstants.PROJECT_ID, project);
        template.requestBodyAndHeader("labelstudio:create-backend", backendUrl("/bad"), LabelStudioConstants.PROJECT_ID,
                project);
        Exchange retrieved = template.request("labelstudio:retrieve-predictions?projectId=" + project, e -> { });
        assertThat(retrieved.getMessage().getHeader(LabelStudioConstants.PROCESSED_ITEMS)).isEqualTo(1);
        assertThat(retrieved.getMessage().getHeader(LabelStudioConstants.PREDICTION_COUNT)).as("nothing stored")
                .isEqualTo(0);
        assertThat(call("GET", "/_emulator/labelstudio/events", null).toString())
                .contains("from_name 'label' is not a control of the label config");
    }

    @Test
    void basicAuthRefusesAWrongPasswordWithoutEchoingItAndLabelStudioConnectsWithTheRightOne() throws Exception {
        HttpResponse<String> none = send("GET", "/secure/health", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Basic realm="));
        HttpResponse<String> wrong = send("POST", "/secure/predict", predictBody(1), basic("label-studio", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
        assertThat(wrong.body()).doesNotContain("nope");
        assertThat(send("GET", "/secure/health", null, basic("label-studio", "s3cret")).statusCode()).isEqualTo(200);

        long project = createProject(TEXT_CONFIG);
        Exchange refused = template.request("labelstudio:create-backend?projectId=" + project,
                e -> e.getMessage().setBody(backendUrl("/secure")));
        assertThat(refused.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("Basic auth settings");
        MlBackend connected = template.requestBody("labelstudio:create-backend", Map.of("url", backendUrl("/secure"),
                "project", project, "auth_method", "BASIC_AUTH", "basic_auth_user", "label-studio",
                "basic_auth_pass", "s3cret"), MlBackend.class);
        assertThat(connected.state()).isEqualTo(MlBackend.CONNECTED);
        assertThat(connected.basicAuthPassIsSet()).isTrue();
    }
}
