package io.camelinference.emulator.deepomatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.emulator.spi.JobFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeepomaticEmulatorTest {

    static final String DM = "deepomatic";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().apiKey("secret")
            .slowModelMillis(150));

    // ------------------------------------------------------------------------------------------------ http helpers

    HttpResponse<String> send(String method, String path, String contentType, byte[] body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                        : emulator.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (key != null) {
            b.header("X-API-KEY", key);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, "secret");
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), "secret");
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return MAPPER.readTree(r.body());
    }

    String sampleUrl(String name) {
        return emulator.baseUrl() + DeepomaticProvider.IMAGES + "/" + name;
    }

    JsonNode awaitTask(String id) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(30))
                .until(() -> json(get("/v0.7/tasks/" + id + "/")), t -> !"pending".equals(t.get("status").asText()));
    }

    String infer(String spec, String json) throws Exception {
        HttpResponse<String> r = postJson("/v0.7/recognition/public/" + spec + "/inference", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("task_id").asText();
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void authUsesXApiKeyWithTheRealErrorBody() throws Exception {
        HttpResponse<String> none = send("GET", "/v0.7/recognition/public", null, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("detail").asText()).isEqualTo("Authentication credentials not provided.");
        HttpResponse<String> wrong = send("GET", "/v0.7/tasks/1", null, null, "nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("secret");
        assertThat(emulator.stats().billedUnits(DM)).isZero();
    }

    @Test
    void formUrlencodedIs415() throws Exception {
        HttpResponse<String> r = send("POST", "/v0.7/recognition/public/dominant-color-v1/inference",
                "application/x-www-form-urlencoded", "show_discarded=True".getBytes(StandardCharsets.UTF_8), "secret");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r).get("detail").asText()).contains("application/x-www-form-urlencoded");
    }

    @Test
    void publicSpecsWithAndWithoutTrailingSlash() throws Exception {
        JsonNode list = json(get("/v0.7/recognition/public/"));
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("next").isNull()).isTrue();
        assertThat(list.get("results").get(0).has("outputs")).isFalse();
        JsonNode spec = json(get("/v0.7/recognition/public/color-blobs-v1"));
        assertThat(spec.at("/outputs/0/labels/roi").asText()).isEqualTo("BBOX");
        assertThat(json(get("/v0.7/recognition/public/color-blobs-v1/")).get("id").asText()).isEqualTo("color-blobs-v1");
        HttpResponse<String> missing = get("/v0.7/recognition/public/fashion-v4");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("detail").asText()).contains("fashion-v4").contains("dominant-color-v1");
    }

    @Test
    void privateSpecsCrudAndPagination() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created = postJson("/v0.7/recognition/specs/", "{\"name\":\"s" + i + "\",\"outputs\":"
                    + "[{\"labels\":{\"roi\":\"NONE\",\"exclusive\":true,\"labels\":[{\"id\":0,\"name\":\"red\"},"
                    + "{\"id\":1,\"name\":\"not red\"}]}}]}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(json(created).get("id").isInt()).isTrue();
            assertThat(json(created).get("current_version_id").isNull()).isTrue();
        }
        JsonNode first = json(get("/v0.7/recognition/specs?limit=2"));
        assertThat(first.get("count").asInt()).isEqualTo(3);
        assertThat(first.get("results")).hasSize(2);
        assertThat(first.get("previous").isNull()).isTrue();
        JsonNode second = json(get(first.get("next").asText()));
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(second.get("previous").asText()).contains("offset=0");

        int id = first.at("/results/0/id").asInt();
        // a private spec runs through a version: one of its own, on one of your networks
        DeepomaticApi api = new DeepomaticApi(emulator.baseUrl(), "secret");
        int network = api.createNetwork("net").get("id").asInt();
        int version = json(api.createVersion(id, network, "[{\"classification\":{}}]")).get("id").asInt();
        HttpResponse<String> unknownVersion = send("PATCH", "/v0.7/recognition/specs/" + id + "/", "application/json",
                "{\"name\":\"renamed\",\"current_version_id\":7}".getBytes(StandardCharsets.UTF_8), "secret");
        assertThat(unknownVersion.statusCode()).isEqualTo(400);
        assertThat(json(unknownVersion).get("error").asText()).isEqualTo("current_version_id: Invalid pk \"7\" - object"
                + " does not exist.");
        assertThat(json(get("/v0.7/recognition/specs/" + id)).get("name").asText()).as("nothing changed").isEqualTo("s0");
        HttpResponse<String> patched = send("PATCH", "/v0.7/recognition/specs/" + id + "/", "application/json",
                ("{\"name\":\"renamed\",\"current_version_id\":" + version + "}").getBytes(StandardCharsets.UTF_8),
                "secret");
        assertThat(json(patched).get("name").asText()).isEqualTo("renamed");
        assertThat(json(patched).get("current_version_id").asInt()).isEqualTo(version);
        HttpResponse<String> badPatch = send("PATCH", "/v0.7/recognition/specs/" + id, "application/json",
                "{\"outputs\":[]}".getBytes(StandardCharsets.UTF_8), "secret");
        assertThat(badPatch.statusCode()).isEqualTo(400);
        assertThat(json(badPatch).get("error").asText()).contains("outputs");

        // the private spec runs the classifier for its colour-named labels
        String task = json(postJson("/v0.7/recognition/specs/" + id + "/inference", "{\"inputs\":[{\"image\":{\"source\":\""
                + sampleUrl("red-apple.png") + "\"}}]}")).get("task_id").asText();
        JsonNode done = awaitTask(task);
        assertThat(done.at("/data/outputs/0/labels/predicted/0/label_name").asText()).isEqualTo("red");

        assertThat(send("DELETE", "/v0.7/recognition/specs/" + id, null, null, "secret").statusCode()).isEqualTo(204);
        assertThat(get("/v0.7/recognition/specs/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> noVersion = postJson("/v0.7/recognition/specs/" + (id + 1) + "/inference",
                "{\"inputs\":[{\"image\":{\"source\":\"" + sampleUrl("red-apple.png") + "\"}}]}");
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(json(noVersion).get("error").asText()).contains("current_version_id");
    }

    @Test
    void classifierDecodesPixelsAndTasksGoFromPendingToSuccess() throws Exception {
        String task = infer("dominant-color-v1", "{\"inputs\":[{\"image\":{\"source\":\"" + sampleUrl("red-apple.png")
                + "\"}}],\"show_discarded\":true}");
        JsonNode pending = json(get("/v0.7/tasks/" + task));
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("data").isNull()).isTrue();
        JsonNode done = awaitTask(task);
        assertThat(done.get("status").asText()).isEqualTo("success");
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.get("id").asText()).isEqualTo(task);
        JsonNode labels = done.at("/data/outputs/0/labels");
        assertThat(labels.get("predicted")).hasSize(1);
        JsonNode top = labels.at("/predicted/0");
        assertThat(top.get("label_name").asText()).isEqualTo("red");
        assertThat(top.get("score").asDouble()).isGreaterThanOrEqualTo(top.get("threshold").asDouble());
        assertThat(top.has("roi")).isFalse();
        // the rest is discarded, sorted by score, below threshold
        double last = top.get("score").asDouble();
        for (JsonNode d : labels.get("discarded")) {
            assertThat(d.get("score").asDouble()).isLessThan(d.get("threshold").asDouble()).isLessThanOrEqualTo(last);
            last = d.get("score").asDouble();
        }
        assertThat(labels.at("/discarded/0/label_name").asText()).isEqualTo("white");
        assertThat(emulator.stats().billedUnits(DM)).isEqualTo(1);
        assertThat(emulator.stats().calls(DM, "POST /v0.7/recognition/public/{specId}/inference")).isEqualTo(1);

        // a different image, a different answer; the same image, the same answer
        String sky = infer("dominant-color-v1", "{\"inputs\":[{\"image\":{\"source\":\"" + sampleUrl("blue-sky.png")
                + "\"}}]}");
        JsonNode skyOutputs = awaitTask(sky).at("/data/outputs");
        assertThat(skyOutputs.at("/0/labels/predicted/0/label_name").asText()).isEqualTo("blue");
        assertThat(skyOutputs.at("/0/labels/discarded")).isEmpty();
        String skyAgain = infer("dominant-color-v1", "{\"inputs\":[{\"image\":{\"source\":\""
                + sampleUrl("blue-sky.png") + "\"}}]}");
        assertThat(skyAgain).as("a second task").isNotEqualTo(sky);
        assertThat(awaitTask(skyAgain).at("/data/outputs")).isEqualTo(skyOutputs);
    }

    @Test
    void detectorBoxesRegionsFromADataUriAndHonoursMaxPredictions() throws Exception {
        String dataUri = "data:image/*;base64," + Base64.getEncoder().encodeToString(SampleImages.get("traffic-light.png"));
        String task = infer("color-blobs-v1", "{\"inputs\":[{\"image\":{\"source\":\"" + dataUri + "\"}}]}");
        JsonNode predicted = awaitTask(task).at("/data/outputs/0/labels/predicted");
        assertThat(predicted).hasSize(3);
        List<String> names = new ArrayList<>();
        predicted.forEach(p -> names.add(p.get("label_name").asText()));
        assertThat(names).containsExactlyInAnyOrder("red", "yellow", "green");
        for (JsonNode p : predicted) {
            JsonNode box = p.at("/roi/bbox");
            assertThat(p.at("/roi/region_id").asInt()).isPositive();
            assertThat(box.get("xmin").asDouble()).isBetween(0.0, 1.0).isLessThan(box.get("xmax").asDouble());
            assertThat(box.get("ymin").asDouble()).isLessThan(box.get("ymax").asDouble()).isLessThanOrEqualTo(1.0);
        }
        JsonNode red = find(predicted, "red");
        assertThat(red.at("/roi/bbox/ymax").asDouble()).isLessThan(0.35);
        assertThat(find(predicted, "green").at("/roi/bbox/ymin").asDouble()).isGreaterThan(0.65);

        String limited = infer("color-blobs-v1", "{\"inputs\":[{\"image\":{\"source\":\"" + dataUri
                + "\"}}],\"max_predictions\":1}");
        assertThat(awaitTask(limited).at("/data/outputs/0/labels/predicted")).hasSize(1);

        // a bbox crop to the bottom third sees only the green light
        String cropped = infer("color-blobs-v1", "{\"inputs\":[{\"image\":{\"source\":\"" + dataUri
                + "\",\"bbox\":{\"xmin\":0,\"ymin\":0.67,\"xmax\":1,\"ymax\":1}}}]}");
        JsonNode croppedPredicted = awaitTask(cropped).at("/data/outputs/0/labels/predicted");
        assertThat(croppedPredicted).hasSize(1);
        assertThat(croppedPredicted.at("/0/label_name").asText()).isEqualTo("green");
    }

    @Test
    void multipartUploadOfAnImageFile() throws Exception {
        String boundary = "b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"inputs[0]image.source\";"
                + " filename=\"sky.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(SampleImages.get("blue-sky.png"));
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"show_discarded\"\r\n\r\n"
                + "true\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send("POST", "/v0.7/recognition/public/color-blobs-v1/inference",
                "multipart/form-data; boundary=" + boundary, body.toByteArray(), "secret");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode labels = awaitTask(json(r).get("task_id").asText()).at("/data/outputs/0/labels");
        List<String> names = new ArrayList<>();
        labels.get("predicted").forEach(p -> names.add(p.get("label_name").asText()));
        assertThat(names).containsExactlyInAnyOrder("blue", "green", "yellow");
    }

    @Test
    void foreignUrlsAndNonImagesAreRefusedClearly() throws Exception {
        HttpResponse<String> foreign = postJson("/v0.7/recognition/public/dominant-color-v1/inference",
                "{\"inputs\":[{\"image\":{\"source\":\"https://static.deepomatic.com/dog2.jpg\"}}]}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json(foreign).get("error").asText()).contains("static.deepomatic.com").contains("red-apple.png");
        String notImage = "data:image/*;base64," + Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> text = postJson("/v0.7/recognition/public/dominant-color-v1/inference",
                "{\"inputs\":[{\"image\":{\"source\":\"" + notImage + "\"}}]}");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(json(text).get("error").asText()).contains("not an image");
        HttpResponse<String> noInputs = postJson("/v0.7/recognition/public/dominant-color-v1/inference", "{}");
        assertThat(json(noInputs).get("error").asText()).contains("inputs");
        assertThat(emulator.stats().billedUnits(DM)).isZero();
        assertThat(get(DeepomaticProvider.IMAGES + "/red-apple.png").headers().firstValue("Content-Type"))
                .hasValue("image/png");
    }

    @Test
    void taskListTakesRepeatedIds() throws Exception {
        String source = "{\"inputs\":[{\"image\":{\"source\":\"" + sampleUrl("red-apple.png") + "\"}}]}";
        String a = infer("dominant-color-v1", source);
        String b = infer("dominant-color-v1", source);
        String c = infer("dominant-color-v1", source);
        JsonNode list = json(get("/v0.7/tasks/?task_ids=" + a + "&task_ids=" + c + "&task_ids=999999"));
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.at("/results/0/id").asText()).isEqualTo(a);
        assertThat(list.at("/results/1/id").asText()).isEqualTo(c);
        assertThat(json(get("/v0.7/tasks?task_ids=" + b)).at("/results/0/id").asText()).isEqualTo(b);
        JsonNode paged = json(get("/v0.7/tasks/?task_ids=" + a + "&task_ids=" + b + "&task_ids=" + c + "&limit=2"));
        assertThat(paged.get("results")).hasSize(2);
        assertThat(paged.get("next").asText()).contains("task_ids=" + c).contains("offset=2");
        assertThat(emulator.stats().calls(DM, "GET /v0.7/tasks")).isEqualTo(3);
        // the ids asked about, for measuring how well a client packs its batched checks: 3 + 1 + 3
        assertThat(emulator.stats().count(DM, TaskRoutes.TASK_IDS_ASKED)).isEqualTo(7);
        assertThat(emulator.stats().peakPerSecond(DM, "GET /v0.7/tasks")).isBetween(1L, 3L);
        assertThat(emulator.stats().toJson().at("/providers/deepomatic/counts").get(TaskRoutes.TASK_IDS_ASKED).asLong())
                .isEqualTo(7);
    }

    @Test
    void jobFaultsMakeTasksFailOrNeverFinish() throws Exception {
        String source = "{\"inputs\":[{\"image\":{\"source\":\"" + sampleUrl("red-apple.png") + "\"}}]}";
        emulator.faults().add(FaultRule.builder().provider(DM).path("/v0.7/recognition/**").job(JobFault.ERROR)
                .count(1).build());
        JsonNode failed = awaitTask(infer("dominant-color-v1", source));
        assertThat(failed.get("status").asText()).isEqualTo("error");
        assertThat(failed.get("error").asText()).isNotBlank();
        assertThat(failed.get("data").isNull()).isTrue();

        emulator.faults().add(FaultRule.builder().provider(DM).job(JobFault.NEVER).count(1).build());
        String never = infer("dominant-color-v1", source);
        // longer than the 150 ms a task takes: it must stay pending throughout
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> json(get("/v0.7/tasks/" + never)).get("status").asText(), "pending"::equals);

        emulator.faults().add(FaultRule.builder().provider(DM).path("/v0.7/tasks/*").latencyMs(300).count(1).build());
        long t0 = System.nanoTime();
        get("/v0.7/tasks/" + never);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    private static JsonNode find(JsonNode predictions, String label) {
        for (JsonNode p : predictions) {
            if (p.get("label_name").asText().equals(label)) {
                return p;
            }
        }
        throw new AssertionError("no " + label + " in " + predictions);
    }
}
