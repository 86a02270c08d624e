package io.camelinference.emulator.labelstudio;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.InferenceEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelinference.emulator.labelstudio.LsHttp.json;
import static io.camelinference.emulator.labelstudio.LsHttp.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The emulated Label Studio's API without ML backends: auth, projects, import, tasks, export, predictions. */
class LabelStudioApiTest {

    static final String TEXT_CONFIG = "<View><Text name=\"text\" value=\"$text\"/><Choices name=\"sentiment\""
            + " toName=\"text\"><Choice value=\"Positive\"/><Choice value=\"Negative\"/></Choices>"
            + "<Labels name=\"entities\" toName=\"text\"><Label value=\"Organization\"/></Labels></View>";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder()
            .provider(new LabelStudioProvider(LabelStudioSettings.defaults()
                    .accessTokenLifetime(Duration.ofMillis(700)))));

    LsHttp ls;

    @BeforeEach
    void client() {
        ls = new LsHttp(emulator.baseUrl(), "Token " + emulator.apiKey());
    }

    long project(String config) throws Exception {
        HttpResponse<String> r = ls.post("/api/projects/", "{\"title\":\"t\",\"label_config\":" + text(config) + "}");
        assertThat(r.statusCode()).isEqualTo(201);
        return json(r).get("id").asLong();
    }

    @Test
    void legacyTokensAndPersonalAccessTokensAreAcceptedAndErrorsComeInLabelStudiosEnvelope() throws Exception {
        HttpResponse<String> none = ls.as(null).get("/api/projects/");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("detail").asText()).isEqualTo("Authentication credentials were not provided.");
        assertThat(json(none).has("status_code")).isTrue();
        HttpResponse<String> wrong = ls.as("Token nope").get("/api/projects/");
        assertThat(json(wrong).get("detail").asText()).isEqualTo("Invalid token.");

        String pat = json(ls.post("/api/token/", "{}")).get("token").asText();
        assertThat(pat.split("\\.")).hasSize(3);
        assertThat(ls.as("Bearer " + pat).get("/api/projects/").statusCode()).as("a refresh token is no access token")
                .isEqualTo(401);
        HttpResponse<String> refreshed = ls.as(null).post("/api/token/refresh/", "{\"refresh\":" + text(pat) + "}");
        String access = json(refreshed).get("access").asText();
        assertThat(ls.as("Bearer " + access).get("/api/projects/").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> ls.as("Bearer " + access).get("/api/projects/")
                .statusCode() == 401);
        assertThat(ls.as(null).post("/api/token/refresh/", "{\"refresh\":\"x.y.z\"}").statusCode()).isEqualTo(401);

        String fresh = json(ls.as(null).post("/api/token/refresh/", "{\"refresh\":" + text(pat) + "}"))
                .get("access").asText();
        ls.as(null).post("/_emulator/labelstudio/revoke-access-tokens", "{}");
        assertThat(ls.as("Bearer " + fresh).get("/api/projects/").statusCode()).isEqualTo(401);
    }

    @Test
    void aLabelConfigThatDoesNotParseIsAFieldError() throws Exception {
        HttpResponse<String> r = ls.post("/api/projects/", "{\"label_config\":" + text("<View><Choices name=\"c\""
                + " toName=\"missing\"><Choice value=\"a\"/></Choices></View>") + "}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("detail").asText()).isEqualTo("Validation error");
        assertThat(body.at("/validation_errors/label_config/0").asText()).contains("toName=\"missing\" not found");
    }

    @Test
    void projectsAreListedPageByPageWithNextLinks() throws Exception {
        for (int i = 0; i < 3; i++) {
            project(TEXT_CONFIG);
        }
        JsonNode first = json(ls.get("/api/projects/?page_size=2"));
        assertThat(first.get("count").asInt()).isEqualTo(3);
        assertThat(first.get("results")).hasSize(2);
        String next = first.get("next").asText();
        JsonNode second = json(ls.get(next.substring(emulator.baseUrl().length())));
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(json(ls.get("/api/projects/1/")).at("/parsed_label_config/sentiment/labels/1").asText())
                .isEqualTo("Negative");
    }

    @Test
    void tasksAreImportedAsJsonOrFilesAndCheckedAgainstTheConfig() throws Exception {
        long p = project(TEXT_CONFIG);
        HttpResponse<String> imported = ls.post("/api/projects/" + p + "/import?return_task_ids=true",
                "[{\"text\":\"one\"},{\"data\":{\"text\":\"two\"},\"annotations\":[{\"result\":[{\"from_name\":"
                        + "\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":"
                        + "[\"Positive\"]}}]}]}]");
        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(json(imported).get("task_count").asInt()).isEqualTo(2);
        assertThat(json(imported).get("annotation_count").asInt()).isEqualTo(1);
        assertThat(json(imported).get("task_ids")).hasSize(2);

        String boundary = "b0undary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ntext,source\r\n\"three, quoted\",a\r\nfour,b\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file2\"; filename=\"t.txt\"\r\n\r\nfive\nsix\n\r\n--"
                + boundary + "--\r\n";
        HttpResponse<String> files = ls.send("POST", "/api/projects/" + p + "/import",
                "multipart/form-data; boundary=" + boundary, form.getBytes(StandardCharsets.UTF_8));
        assertThat(files.statusCode()).as(files.body()).isEqualTo(201);
        assertThat(json(files).get("task_count").asInt()).isEqualTo(4);
        assertThat(json(files).get("found_formats").get(".csv").asInt()).isEqualTo(1);

        HttpResponse<String> missing = ls.post("/api/projects/" + p + "/import", "[{\"body\":\"x\"}]");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/validation_errors/data/0").asText()).contains("\"text\" key is expected");

        JsonNode page = json(ls.get("/api/tasks/?project=" + p + "&page=2&page_size=4"));
        assertThat(page.get("total").asInt()).isEqualTo(6);
        assertThat(page.get("tasks")).hasSize(2);
        assertThat(page.at("/tasks/1/data/text").asText()).isEqualTo("six");
        assertThat(json(ls.get("/api/tasks/?project=" + p + "&page=3&page_size=4")).get("tasks")).isEmpty();
        assertThat(json(ls.get("/api/tasks/?project=" + p + "&page=1&page_size=4")).at("/tasks/2/data/text")
                .asText()).isEqualTo("three, quoted");

        JsonNode annotated = json(ls.get("/api/projects/" + p + "/export?exportType=JSON"));
        assertThat(annotated).hasSize(1);
        assertThat(annotated.at("/0/annotations/0/result/0/value/choices/0").asText()).isEqualTo("Positive");
        assertThat(json(ls.get("/api/projects/" + p + "/export?exportType=JSON&download_all_tasks=true"))).hasSize(6);
        assertThat(json(ls.get("/api/projects/" + p + "/export?exportType=JSON_MIN")).at("/0/sentiment/0").asText())
                .isEqualTo("Positive");
    }

    @Test
    void predictionsAreStoredAndOnesThatDoNotFitTheConfigAreRefusedSayingWhy() throws Exception {
        long p = project(TEXT_CONFIG);
        ls.post("/api/projects/" + p + "/import", "[{\"text\":\"Acme Corp is great\"}]");
        long task = json(ls.get("/api/tasks/?project=" + p)).at("/tasks/0/id").asLong();
        String good = "{\"task\":" + task + ",\"score\":0.9,\"model_version\":\"v1\",\"result\":["
                + "{\"from_name\":\"entities\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"start\":0,"
                + "\"end\":9,\"text\":\"Acme Corp\",\"labels\":[\"Organization\"]}}]}";
        HttpResponse<String> created = ls.post("/api/predictions/", good);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(json(ls.get("/api/predictions/?task=" + task))).hasSize(1);
        assertThat(json(ls.patch("/api/predictions/" + id + "/", "{\"score\":0.5}")).get("score").asDouble())
                .isEqualTo(0.5);

        HttpResponse<String> wrongName = ls.post("/api/predictions/", good.replace("\"entities\"", "\"label\""));
        assertThat(wrongName.statusCode()).isEqualTo(400);
        assertThat(json(wrongName).get("detail").asText()).contains("from_name 'label' is not a control tag")
                .contains("entities (Labels to text)");
        HttpResponse<String> wrongLabel = ls.post("/api/predictions/", good.replace("\"Organization\"", "\"Person\""));
        assertThat(json(wrongLabel).get("detail").asText()).contains("label 'Person' is not one of control 'entities'");
        HttpResponse<String> noTask = ls.post("/api/predictions/", good.replace("\"task\":" + task, "\"task\":999"));
        assertThat(json(noTask).at("/validation_errors/task/0").asText()).contains("object does not exist");

        assertThat(ls.delete("/api/predictions/" + id + "/").statusCode()).isEqualTo(204);
        assertThat(ls.get("/api/predictions/" + id + "/").statusCode()).isEqualTo(404);
    }
}
