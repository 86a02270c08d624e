package io.camelinference.emulator.deepomatic;

import static io.camelinference.emulator.deepomatic.DeepomaticApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.emulator.spi.JobFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resources besides specifications and tasks, as the v0.7 documentation and the official client's
 * {@code RecognitionVersion}, {@code Network} and {@code Account} resources use them: recognition versions, networks,
 * the account; specification objects with every field of the documentation's sample; and the image input's
 * {@code polygon} and {@code crop_uniform_background}.
 */
class DeepomaticResourcesTest {

    static final String DM = "deepomatic";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().apiKey("secret")
            .slowModelMillis(150));

    DeepomaticApi api;

    @BeforeEach
    void client() {
        api = new DeepomaticApi(emulator.baseUrl(), "secret");
    }

    JsonNode awaitTask(String id) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(30))
                .until(() -> read(api.get("/v0.7/tasks/" + id + "/")), t -> !"pending".equals(t.get("status").asText()));
    }

    String infer(String path, String json) throws Exception {
        HttpResponse<String> r = api.json("POST", path, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return read(r).get("task_id").asText();
    }

    String imageJson(String sample, String extra) {
        String data = "data:image/*;base64," + Base64.getEncoder().encodeToString(SampleImages.get(sample));
        return "{\"inputs\":[{\"image\":{\"source\":\"" + data + "\"" + extra + "}}],\"show_discarded\":true}";
    }

    static List<String> names(JsonNode predictions) {
        List<String> out = new ArrayList<>();
        predictions.forEach(p -> out.add(p.get("label_name").asText()));
        return out;
    }

    @Test
    void specObjectsCarryEveryFieldOfTheDocumentationsSample() throws Exception {
        JsonNode created = api.createSpec("hot-dog VS not hot-dog classifier", "red", "green");
        for (String field : List.of("id", "name", "description", "task_id", "update_date", "metadata", "outputs",
                "current_version_id")) {
            assertThat(created.has(field)).as(field).isTrue();
        }
        assertThat(created.get("id").isInt()).isTrue();
        assertThat(created.get("task_id").isIntegralNumber()).isTrue();
        assertThat(created.get("current_version_id").isNull()).isTrue();
        JsonNode task = read(api.get("/v0.7/tasks/" + created.get("task_id").asText()));
        assertThat(task.get("status").asText()).isEqualTo("success");
        assertThat(read(api.get("/v0.7/recognition/specs/")).at("/results/0").has("task_id")).isTrue();

        // public specifications hide their current version, as the documentation says, and have no creation task
        JsonNode classifier = read(api.get("/v0.7/recognition/public/dominant-color-v1/"));
        assertThat(classifier.has("current_version_id")).isFalse();
        assertThat(classifier.get("task_id").isNull()).isTrue();
        assertThat(emulator.stats().billedUnits(DM)).isZero();
    }

    @Test
    void networksPublicAndOwnAreListedCreatedUpdatedAndDeleted() throws Exception {
        JsonNode publicList = read(api.get("/v0.7/networks/public/"));
        assertThat(publicList.get("count").asInt()).isEqualTo(2);
        assertThat(publicList.at("/results/0/id").isTextual()).isTrue();
        assertThat(read(api.get("/v0.7/networks/public/color-blobs-net")).get("framework").asText())
                .isEqualTo("tensorflow-1.x");

        JsonNode net = api.createNetwork("My first network");
        int id = net.get("id").asInt();
        for (String field : List.of("id", "name", "description", "create_date", "update_date", "metadata", "framework",
                "preprocessing", "postprocessings", "task_id")) {
            assertThat(net.has(field)).as(field).isTrue();
        }
        assertThat(net.at("/preprocessing/inputs/0/image/mean_file").asText()).isEqualTo("mean.proto.bin");
        // the deployment is a task, as the client's test waits for it
        String deployment = net.get("task_id").asText();
        assertThat(read(api.get("/v0.7/tasks/" + deployment)).get("status").asText()).isEqualTo("pending");
        assertThat(awaitTask(deployment).get("status").asText()).isEqualTo("success");
        assertThat(read(api.get("/v0.7/networks")).get("count").asInt()).isEqualTo(1);

        HttpResponse<String> updated = api.json("PATCH", "/v0.7/networks/" + id + "/",
                "{\"description\":\"I had forgotten the description\",\"metadata\":{\"author\":\"me\"}}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(read(updated).get("description").asText()).isEqualTo("I had forgotten the description");
        assertThat(read(updated).get("name").asText()).isEqualTo("My first network");
        HttpResponse<String> immutable = api.json("PATCH", "/v0.7/networks/" + id, "{\"framework\":\"nv-caffe-0.x-mod\"}");
        assertThat(immutable.statusCode()).isEqualTo(400);
        assertThat(read(immutable).get("error").asText()).contains("framework").contains("cannot be updated");

        assertThat(api.delete("/v0.7/networks/" + id + "/").statusCode()).isEqualTo(204);
        assertThat(api.get("/v0.7/networks/" + id).statusCode()).isEqualTo(404);
        assertThat(read(api.get("/v0.7/networks/dominant-color-net")).get("detail").asText()).contains("public");
        assertThat(api.delete("/v0.7/networks/public/dominant-color-net").statusCode()).isEqualTo(405);
    }

    @Test
    void networksAreCreatedFromAMultipartUploadWithTheirFiles() throws Exception {
        HttpResponse<String> noFiles = api.json("POST", "/v0.7/networks/", "{\"name\":\"n\",\"framework\":"
                + "\"tensorflow-1.x\",\"preprocessing\":" + DeepomaticApi.PREPROCESSING + "}");
        assertThat(noFiles.statusCode()).isEqualTo(400);
        assertThat(read(noFiles).get("error").asText()).contains("files are required");
        HttpResponse<String> badFramework = api.multipart("/v0.7/networks/", Map.of("name", "n", "framework", "keras",
                "preprocessing", DeepomaticApi.PREPROCESSING), Map.of("mean.proto.bin", new byte[] {1}));
        assertThat(read(badFramework).get("error").asText()).contains("framework").contains("keras");
        HttpResponse<String> missingMean = api.multipart("/v0.7/networks/", Map.of("name", "n", "framework",
                "tensorflow-1.x", "preprocessing", DeepomaticApi.PREPROCESSING), Map.of("saved_model.pb", new byte[] {1}));
        assertThat(missingMean.statusCode()).isEqualTo(400);
        assertThat(read(missingMean).get("error").asText()).contains("mean.proto.bin");
        HttpResponse<String> noName = api.multipart("/v0.7/networks/", Map.of("framework", "tensorflow-1.x"),
                Map.of("saved_model.pb", new byte[] {1}));
        assertThat(read(noName).get("error").asText()).contains("name");
        assertThat(read(api.get("/v0.7/networks/")).get("count").asInt()).isZero();
    }

    @Test
    void versionsLinkASpecToANetworkAndRunInference() throws Exception {
        int spec = api.createSpec("apples", "green", "red").get("id").asInt();
        int network = api.createNetwork("apple net").get("id").asInt();
        HttpResponse<String> created = api.createVersion(spec, network,
                "[{\"classification\":{\"output_tensor\":\"logits\"}}]");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode version = read(created);
        assertThat(version.get("spec_id").asInt()).isEqualTo(spec);
        assertThat(version.get("network_id").asInt()).isEqualTo(network);
        assertThat(version.get("spec_name").asText()).isEqualTo("apples");
        assertThat(version.get("network_name").asText()).isEqualTo("apple net");
        assertThat(version.has("update_date")).isTrue();
        assertThat(version.at("/post_processings/0/classification/output_tensor").asText()).isEqualTo("logits");
        int v = version.get("id").asInt();
        // a specification without a current version gets its first one (the client's test infers right after)
        assertThat(read(api.get("/v0.7/recognition/specs/" + spec)).get("current_version_id").asInt()).isEqualTo(v);

        assertThat(read(api.get("/v0.7/recognition/versions/" + v + "/")).get("id").asInt()).isEqualTo(v);
        assertThat(read(api.get("/v0.7/recognition/versions")).get("count").asInt()).isEqualTo(1);
        assertThat(read(api.get("/v0.7/recognition/specs/" + spec + "/versions")).at("/results/0/id").asInt())
                .isEqualTo(v);

        String byVersion = infer("/v0.7/recognition/versions/" + v + "/inference", imageJson("red-apple.png", ""));
        assertThat(names(awaitTask(byVersion).at("/data/outputs/0/labels/predicted"))).containsExactly("red");
        String bySpec = infer("/v0.7/recognition/specs/" + spec + "/inference", imageJson("red-apple.png", ""));
        assertThat(names(awaitTask(bySpec).at("/data/outputs/0/labels/predicted"))).containsExactly("red");
        assertThat(emulator.stats().calls(DM, "POST /v0.7/recognition/versions/{versionId}/inference")).isEqualTo(1);
        assertThat(emulator.stats().billedUnits(DM)).isEqualTo(2);
    }

    @Test
    void aVersionsThresholdsReplaceTheModelsAndCurrentVersionSwitchesBetweenThem() throws Exception {
        int spec = api.createSpec("strict", "green", "red").get("id").asInt();
        int network = api.createNetwork("net").get("id").asInt();
        int lenient = read(api.createVersion(spec, network, "[{\"classification\":{}}]")).get("id").asInt();
        int strict = read(api.createVersion(spec, network,
                "[{\"classification\":{\"thresholds\":[0.99,0.99]}}]")).get("id").asInt();
        assertThat(read(api.get("/v0.7/recognition/specs/" + spec)).get("current_version_id").asInt())
                .as("the first version stays current").isEqualTo(lenient);

        JsonNode labels = awaitTask(infer("/v0.7/recognition/versions/" + strict + "/inference",
                imageJson("red-apple.png", ""))).at("/data/outputs/0/labels");
        assertThat(labels.get("predicted")).isEmpty();
        assertThat(labels.at("/discarded/0/threshold").asDouble()).isEqualTo(0.99);

        HttpResponse<String> switched = api.json("PATCH", "/v0.7/recognition/specs/" + spec,
                "{\"current_version_id\":" + strict + "}");
        assertThat(read(switched).get("current_version_id").asInt()).isEqualTo(strict);
        assertThat(awaitTask(infer("/v0.7/recognition/specs/" + spec + "/inference", imageJson("red-apple.png", "")))
                .at("/data/outputs/0/labels/predicted")).isEmpty();
    }

    @Test
    void versionsOfUnknownOrWrongThingsAreRefused() throws Exception {
        int spec = api.createSpec("two labels", "green", "red").get("id").asInt();
        int other = api.createSpec("other", "blue").get("id").asInt();
        int network = api.createNetwork("net").get("id").asInt();
        Map<String, HttpResponse<String>> refused = new LinkedHashMap<>();
        refused.put("Invalid pk \"999\" - object does not exist", api.createVersion(999, network,
                "[{\"classification\":{}}]"));
        refused.put("network_id: Invalid pk \"998\"", api.createVersion(spec, 998, "[{\"classification\":{}}]"));
        refused.put("spec_id: Incorrect type", api.createVersion("\"fashion-v4\"", network, "[{\"classification\":{}}]"));
        refused.put("has 1 output(s); got 2", api.createVersion(spec, network,
                "[{\"classification\":{}},{\"classification\":{}}]"));
        refused.put("exactly one of classification or detection", api.createVersion(spec, network,
                "[{\"classification\":{},\"detection\":{}}]"));
        refused.put("one threshold per label", api.createVersion(spec, network,
                "[{\"classification\":{\"thresholds\":[0.5]}}]"));
        refused.put("post_processings: This field is required", api.json("POST", "/v0.7/recognition/versions",
                "{\"spec_id\":" + spec + ",\"network_id\":" + network + "}"));
        for (Map.Entry<String, HttpResponse<String>> r : refused.entrySet()) {
            assertThat(r.getValue().statusCode()).as(r.getKey()).isEqualTo(400);
            assertThat(read(r.getValue()).get("error").asText()).as(r.getKey()).contains(r.getKey());
        }
        assertThat(read(api.get("/v0.7/recognition/versions/")).get("count").asInt()).isZero();

        int otherVersion = read(api.createVersion(other, network, "[{\"detection\":{}}]")).get("id").asInt();
        HttpResponse<String> foreign = api.json("PATCH", "/v0.7/recognition/specs/" + spec,
                "{\"current_version_id\":" + otherVersion + "}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(read(foreign).get("error").asText()).contains("implements recognition specification " + other);
        HttpResponse<String> text = api.json("PATCH", "/v0.7/recognition/specs/" + spec, "{\"current_version_id\":\"x\"}");
        assertThat(read(text).get("error").asText()).contains("valid integer");
        assertThat(read(api.get("/v0.7/recognition/specs/" + spec)).get("current_version_id").isNull()).isTrue();

        assertThat(api.get("/v0.7/recognition/versions/4242").statusCode()).isEqualTo(404);
        assertThat(api.json("POST", "/v0.7/recognition/versions/4242/inference", imageJson("red-apple.png", ""))
                .statusCode()).isEqualTo(404);
        assertThat(api.get("/v0.7/recognition/public/dominant-color-v1/versions").statusCode()).isEqualTo(404);
        assertThat(emulator.stats().billedUnits(DM)).isZero();
    }

    @Test
    void deletionsCascadeAsTheRelationsDo() throws Exception {
        int spec = api.createSpec("s", "red").get("id").asInt();
        int network = api.createNetwork("net").get("id").asInt();
        int v1 = read(api.createVersion(spec, network, "[{\"classification\":{}}]")).get("id").asInt();
        int v2 = read(api.createVersion(spec, network, "[{\"classification\":{}}]")).get("id").asInt();

        assertThat(api.delete("/v0.7/recognition/versions/" + v1).statusCode()).isEqualTo(204);
        // the specification's current version is gone: it runs nothing until another one is set
        assertThat(read(api.get("/v0.7/recognition/specs/" + spec)).get("current_version_id").isNull()).isTrue();
        HttpResponse<String> refused = api.json("POST", "/v0.7/recognition/specs/" + spec + "/inference",
                imageJson("red-apple.png", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("error").asText()).contains("current_version_id");

        assertThat(api.delete("/v0.7/networks/" + network).statusCode()).isEqualTo(204);
        assertThat(api.get("/v0.7/recognition/versions/" + v2).statusCode()).as("runs on the deleted network")
                .isEqualTo(404);
        int again = read(api.createVersion(spec, api.createNetwork("net 2").get("id").asInt(),
                "[{\"classification\":{}}]")).get("id").asInt();
        assertThat(api.delete("/v0.7/recognition/specs/" + spec).statusCode()).isEqualTo(204);
        assertThat(api.get("/v0.7/recognition/versions/" + again).statusCode()).isEqualTo(404);
        assertThat(emulator.stats().billedUnits(DM)).isZero();
    }

    @Test
    void theAccountIsMe() throws Exception {
        JsonNode me = read(api.get("/v0.7/accounts/me/"));
        assertThat(me.get("id").asInt()).isEqualTo(AccountRoutes.ACCOUNT_ID);
        assertThat(me.get("username").asText()).isNotBlank();
        assertThat(read(api.get("/v0.7/accounts/me")).get("email").asText()).contains("@");
        assertThat(api.get("/v0.7/accounts/2").statusCode()).isEqualTo(404);
        assertThat(new DeepomaticApi(emulator.baseUrl(), "wrong").get("/v0.7/accounts/me").statusCode()).isEqualTo(401);
    }

    @Test
    void polygonAndCropUniformBackgroundInJsonAndMultipart() throws Exception {
        String diamond = ",\"polygon\":[{\"x\":0.5,\"y\":0.32},{\"x\":1,\"y\":0.5},{\"x\":0.5,\"y\":0.68},{\"x\":0,\"y\":0.5}]";
        JsonNode lights = awaitTask(infer("/v0.7/recognition/public/color-blobs-v1/inference",
                imageJson("traffic-light.png", diamond))).at("/data/outputs/0/labels/predicted");
        assertThat(names(lights)).containsExactly("yellow");

        JsonNode cropped = awaitTask(infer("/v0.7/recognition/public/color-blobs-v1/inference",
                imageJson("traffic-light.png", ",\"crop_uniform_background\":true"))).at("/data/outputs/0/labels/predicted");
        assertThat(cropped).hasSize(3).allSatisfy(p -> assertThat(p.at("/roi/bbox/xmin").asDouble()).isLessThan(0.03));

        // multipart as the client flattens it: inputs[0]image.polygon[0]x, inputs[0]image.crop_uniform_background
        Map<String, String> fields = new LinkedHashMap<>();
        double[][] points = {{0.5, 0.32}, {1, 0.5}, {0.5, 0.68}, {0, 0.5}};
        for (int i = 0; i < points.length; i++) {
            fields.put("inputs[0]image.polygon[" + i + "]x", String.valueOf(points[i][0]));
            fields.put("inputs[0]image.polygon[" + i + "]y", String.valueOf(points[i][1]));
        }
        fields.put("inputs[0]image.crop_uniform_background", "False");
        HttpResponse<String> multipart = api.multipart("/v0.7/recognition/public/color-blobs-v1/inference", fields,
                Map.of("inputs[0]image.source", SampleImages.get("traffic-light.png")));
        assertThat(multipart.statusCode()).as(multipart.body()).isEqualTo(200);
        assertThat(names(awaitTask(read(multipart).get("task_id").asText()).at("/data/outputs/0/labels/predicted")))
                .containsExactly("yellow");
        assertThat(emulator.stats().billedUnits(DM)).isEqualTo(3);

        HttpResponse<String> twoPoints = api.json("POST", "/v0.7/recognition/public/color-blobs-v1/inference",
                imageJson("traffic-light.png", ",\"polygon\":[{\"x\":0,\"y\":0},{\"x\":1,\"y\":1}]"));
        assertThat(read(twoPoints).get("error").asText()).contains("inputs[0].image.polygon").contains("at least 3");
        HttpResponse<String> notBool = api.json("POST", "/v0.7/recognition/public/color-blobs-v1/inference",
                imageJson("traffic-light.png", ",\"crop_uniform_background\":\"maybe\""));
        assertThat(read(notBool).get("error").asText()).contains("crop_uniform_background").contains("boolean");
        HttpResponse<String> outside = api.json("POST", "/v0.7/recognition/public/color-blobs-v1/inference",
                imageJson("traffic-light.png", ",\"bbox\":{\"xmin\":0.5,\"ymin\":0.5,\"xmax\":1,\"ymax\":1},"
                        + "\"polygon\":[{\"x\":0,\"y\":0},{\"x\":0.2,\"y\":0},{\"x\":0,\"y\":0.2}]"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(read(outside).get("error").asText()).startsWith("inputs[0].image.polygon");
        assertThat(emulator.stats().billedUnits(DM)).as("refused inputs are not billed").isEqualTo(3);
    }

    @Test
    void aNetworksDeploymentTaskFollowsJobFaults() throws Exception {
        emulator.faults().add(FaultRule.builder().provider(DM).path("/v0.7/networks/**").job(JobFault.ERROR).count(1)
                .build());
        JsonNode failed = awaitTask(api.createNetwork("broken").get("task_id").asText());
        assertThat(failed.get("status").asText()).isEqualTo("error");
        assertThat(failed.get("error").asText()).isNotBlank();
    }
}
