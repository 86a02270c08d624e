package io.camelinference.emulator.labelstudio;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.InferenceEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelinference.emulator.labelstudio.LsHttp.json;
import static io.camelinference.emulator.labelstudio.LsHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The emulated Label Studio calling a real (stub) ML backend: checks, state, predictions, training, timeouts. */
class LabelStudioBackendTest {

    static final LabelStudioProvider LABEL_STUDIO = new LabelStudioProvider();

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().provider(LABEL_STUDIO));

    LsHttp ls;
    StubBackend backend;
    long project;

    @BeforeEach
    void start() throws Exception {
        ls = new LsHttp(emulator.baseUrl(), "Token " + emulator.apiKey());
        backend = new StubBackend();
        ls.as(null).post("/_emulator/labelstudio/settings", "{\"predictTimeoutMillis\":100000}");
        project = json(ls.post("/api/projects/", "{\"title\":\"p\",\"label_config\":"
                + text(LabelStudioApiTest.TEXT_CONFIG) + "}")).get("id").asLong();
        ls.post("/api/projects/" + project + "/import", "[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]");
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    long addBackend(String extra) throws Exception {
        HttpResponse<String> r = ls.post("/api/ml/", "{\"url\":" + text(backend.url()) + ",\"project\":" + project
                + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asLong();
    }

    static String choices(String label) {
        return "{\"result\":[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":"
                + "{\"choices\":[\"" + label + "\"]}}],\"score\":0.8}";
    }

    String retrieve() throws Exception {
        HttpResponse<String> r = ls.post("/api/dm/actions?id=retrieve_tasks_predictions&project=" + project,
                "{\"selectedItems\":{\"all\":true,\"excluded\":[]}}");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 400);
        return r.body();
    }

    @Test
    void addingABackendChecksHealthAndSetupThenItIsConnectedWithItsModelVersion() throws Exception {
        long id = addBackend(",\"title\":\"camel\"");
        assertThat(backend.count("/health")).isEqualTo(2);
        assertThat(backend.count("/setup")).isEqualTo(2);
        JsonNode setup = backend.last("/setup").body();
        assertThat(setup.get("project").asText()).startsWith(project + ".");
        assertThat(setup.get("schema").asText()).contains("<Choices name=\"sentiment\"");
        assertThat(setup.get("access_token").asText()).isEqualTo(emulator.apiKey());
        JsonNode got = json(ls.get("/api/ml/" + id));
        assertThat(got.get("state").asText()).isEqualTo("CO");
        assertThat(got.get("model_version").asText()).isEqualTo("stub-1");
        assertThat(json(ls.get("/api/ml/?project=" + project))).hasSize(1);

        backend.answer("/setup", b -> new StubBackend.Answer(500, "{\"status\":500,\"detail\":\"KeyError: x\"}", 0));
        got = json(ls.get("/api/ml/" + id));
        assertThat(got.get("state").asText()).isEqualTo("ER");
        assertThat(got.get("error_message").asText()).contains("500 Server Error").contains("KeyError: x");
        backend.close();
        assertThat(json(ls.get("/api/ml/" + id)).get("state").asText()).isEqualTo("DI");
    }

    @Test
    void aBackendThatCannotBeReachedOrRefusesTheCredentialsIsNotAdded() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        HttpResponse<String> down = ls.post("/api/ml/", "{\"url\":\"http://127.0.0.1:" + free + "\",\"project\":"
                + project + "}");
        assertThat(down.statusCode()).isEqualTo(400);
        assertThat(json(down).at("/validation_errors/non_field_errors/0").asText())
                .contains("Can't connect to ML backend").contains("Connection refused");

        backend.answer("/health", b -> new StubBackend.Answer(401, "Unauthorized", 0));
        HttpResponse<String> refused = ls.post("/api/ml/", "{\"url\":" + text(backend.url()) + ",\"project\":"
                + project + ",\"auth_method\":\"BASIC_AUTH\",\"basic_auth_user\":\"u\",\"basic_auth_pass\":\"p\"}");
        assertThat(json(refused).at("/validation_errors/non_field_errors/0").asText())
                .contains("authentication parameters were either not provided or are incorrect");
        assertThat(backend.last("/health").authorization()).startsWith("Basic ");
    }

    @Test
    void retrievingPredictionsStoresWhatThePredictAnswersOnceForEachModelVersion() throws Exception {
        backend.answer("/predict", b -> {
            StringBuilder results = new StringBuilder();
            for (JsonNode t : b.get("tasks")) {
                results.append(results.length() == 0 ? "" : ",").append(choices(t.at("/data/text").asText()
                        .equals("a") ? "Positive" : "Negative"));
            }
            return new StubBackend.Answer(200, "{\"results\":[" + results + "]}", 0);
        });
        addBackend("");
        assertThat(retrieve()).contains("\"processed_items\":3");
        JsonNode predict = backend.last("/predict").body();
        assertThat(predict.get("tasks")).hasSize(3);
        assertThat(predict.get("label_config").asText()).contains("sentiment");
        assertThat(predict.at("/tasks/0/data/text").asText()).isEqualTo("a");
        JsonNode stored = json(ls.get("/api/predictions/?project=" + project));
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0).get("model_version").asText()).isEqualTo("stub-1");
        assertThat(stored.get(0).at("/result/0/value/choices/0").asText()).isEqualTo("Positive");

        retrieve();
        assertThat(backend.count("/predict")).as("tasks already predicted by stub-1 are not asked again").isEqualTo(1);
        backend.answer("/setup", b -> new StubBackend.Answer(200, "{\"model_version\":\"stub-2\"}", 0));
        retrieve();
        assertThat(backend.count("/predict")).isEqualTo(2);
        assertThat(json(ls.get("/api/predictions/?project=" + project))).hasSize(6);
    }

    @Test
    void aPredictionThatDoesNotFitTheConfigIsRefusedAndAnAnswerTooLateStoresNothing() throws Exception {
        backend.answer("/predict", b -> new StubBackend.Answer(200, "{\"results\":["
                + choices("Positive").replace("sentiment", "label") + "," + choices("Positive") + ","
                + choices("Positive") + "]}", 0));
        addBackend("");
        String refused = retrieve();
        assertThat(refused).contains("does not fit the project's label config")
                .contains("from_name 'label' is not a control tag");
        assertThat(json(ls.get("/api/predictions/?project=" + project))).isEmpty();

        ls.as(null).post("/_emulator/labelstudio/settings", "{\"predictTimeoutMillis\":300}");
        backend.answer("/predict", b -> new StubBackend.Answer(200, "{\"results\":[" + choices("Positive") + ","
                + choices("Positive") + "," + choices("Positive") + "]}", 1500));
        assertThat(retrieve()).contains("Retrieved 3 predictions");
        assertThat(json(ls.get("/api/predictions/?project=" + project))).isEmpty();
        assertThat(ls.as(null).get("/_emulator/labelstudio/events").body()).contains("Read timed out. (read timeout=0.3)");
    }

    @Test
    void trainingSendsTheWebhookAndAFailedTrainingIsStillAnswered200AsInLabelStudio() throws Exception {
        long id = addBackend("");
        HttpResponse<String> started = ls.post("/api/ml/" + id + "/train", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).isEmpty();
        assertThat(backend.count("/webhook")).isEqualTo(1);
        JsonNode hook = backend.last("/webhook").body();
        assertThat(hook.get("action").asText()).isEqualTo("START_TRAINING");
        assertThat(hook.at("/project/id").asLong()).isEqualTo(project);
        assertThat(hook.at("/project/label_config").asText()).contains("sentiment");

        // Label Studio's MLBackendTrainAPI answers 200 whatever the webhook answered: the failure only sets the
        // backend's state to ER with the error, and the next read of the backend (health, setup) sets it again
        backend.answer("/webhook", b -> new StubBackend.Answer(500, "{\"detail\":\"no data\"}", 0));
        HttpResponse<String> failed = ls.post("/api/ml/" + id + "/train", "{}");
        assertThat(backend.count("/webhook")).as("the second training reached the backend").isEqualTo(2);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        assertThat(failed.body()).isEmpty();
        assertThat(json(ls.get("/api/ml/?project=" + project)).get(0).get("state").asText()).isEqualTo("CO");
    }

    @Test
    void interactiveAnnotatingAndVersionsAskTheBackend() throws Exception {
        backend.answer("/predict", b -> new StubBackend.Answer(200, "{\"results\":[" + choices("Negative") + "]}", 0));
        long plain = addBackend("");
        long task = json(ls.get("/api/tasks/?project=" + project)).at("/tasks/0/id").asLong();
        assertThat(json(ls.post("/api/ml/" + plain + "/interactive-annotating", "{\"task\":" + task + "}"))
                .at("/errors/0").asText()).contains("not set to be used for interactive");
        long interactive = addBackend(",\"is_interactive\":true");
        JsonNode answer = json(ls.post("/api/ml/" + interactive + "/interactive-annotating", "{\"task\":" + task
                + ",\"context\":{\"result\":[]}}"));
        assertThat(answer.at("/data/result/0/value/choices/0").asText()).isEqualTo("Negative");
        assertThat(backend.last("/predict").body().at("/params/context/result").isArray()).isTrue();

        JsonNode versions = json(ls.get("/api/ml/" + plain + "/versions"));
        assertThat(versions.at("/versions/0").asText()).isEqualTo("stub-1");
        assertThat(versions.get("message").asText()).contains("Upgrade");
        ls.patch("/api/ml/" + plain, "{\"title\":\"renamed\"}");
        assertThat(json(ls.get("/api/ml/" + plain)).get("title").asText()).isEqualTo("renamed");
        assertThat(ls.delete("/api/ml/" + plain).statusCode()).isEqualTo(204);
        assertThat(ls.get("/api/ml/" + plain).statusCode()).isEqualTo(404);
    }
}
