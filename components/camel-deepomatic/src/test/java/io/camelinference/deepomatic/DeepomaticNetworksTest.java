package io.camelinference.deepomatic;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.deepomatic.model.DeepomaticNetwork;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.deepomatic.model.DeepomaticSpec;
import io.camelinference.deepomatic.model.DeepomaticTask;
import io.camelinference.deepomatic.model.DeepomaticVersion;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Networks, recognition versions and the account against the emulator, as the official client's {@code Network},
 * {@code RecognitionVersion} and {@code Account} resources use them; and inference on a version.
 */
class DeepomaticNetworksTest extends DeepomaticTestSupport {

    static final String PREPROCESSING_MEAN = "mean.proto.bin";

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(200));

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    /** The body of create-network the client's test sends: TensorFlow files, the mean file the preprocessing names. */
    static Map<String, Object> network(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("framework", "tensorflow-1.x");
        body.put("preprocessing", Map.of("inputs", List.of(Map.of("tensor_name", "input:0", "image", Map.of(
                "dimension_order", "NHWC", "target_size", "299x299", "resize_type", "CROP", "mean_file",
                PREPROCESSING_MEAN, "color_channels", "BGR", "pixel_scaling", 2.0, "data_type", "FLOAT32"))),
                "batched_output", true));
        body.put("saved_model.pb", new byte[] {1, 2, 3});
        body.put(PREPROCESSING_MEAN, new ByteArrayInputStream(new byte[] {4, 5}));
        return body;
    }

    private Exchange call(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    @Test
    void networksAreUploadedWithTheirFilesDeployedUpdatedListedAndDeleted() throws Exception {
        Map<String, Object> upload = network("My first network");
        upload.put("variables.index", Files.write(dir.resolve("variables.index"), new byte[] {9}).toFile());
        upload.put("metadata", Map.of("author", "me"));
        Exchange created = call("deepomatic:create-network", upload);
        assertThat(created.getException()).isNull();
        DeepomaticNetwork net = created.getMessage().getBody(DeepomaticNetwork.class);
        assertThat(net.id()).matches("\\d+");
        assertThat(net.framework()).isEqualTo("tensorflow-1.x");
        assertThat(net.metadata()).containsEntry("author", "me");
        assertThat(net.createDate()).isNotBlank();
        assertThat(created.getMessage().getHeader(DeepomaticConstants.NETWORK_ID)).isEqualTo(net.id());
        // the deployment is a task: deepomatic:task follows it from the header create-network set
        assertThat(created.getMessage().getHeader(DeepomaticConstants.TASK_ID)).isEqualTo(net.taskId());
        await().atMost(Duration.ofSeconds(10)).until(() -> template.request("deepomatic:task", e -> e.getMessage()
                .setHeader(DeepomaticConstants.TASK_ID, net.taskId())).getMessage().getBody(DeepomaticTask.class)
                .status(), DeepomaticTask.SUCCESS::equals);
        assertThat(calls("POST /v0.7/networks")).isEqualTo(1);

        Exchange updated = template.request("deepomatic:update-network", e -> {
            e.getMessage().setHeader(DeepomaticConstants.NETWORK_ID, net.id());
            e.getMessage().setBody("{\"description\": \"I had forgotten the description\"}");
        });
        assertThat(updated.getException()).isNull();
        assertThat(updated.getMessage().getBody(DeepomaticNetwork.class).description())
                .isEqualTo("I had forgotten the description");

        Exchange own = call("deepomatic:networks", null);
        assertThat(own.getMessage().getBody(List.class)).hasSize(1);
        assertThat(own.getMessage().getHeader(DeepomaticConstants.NETWORK_COUNT)).isEqualTo(1);
        Exchange publicOnes = call("deepomatic:networks?publicNetwork=true", null);
        assertThat(publicOnes.getMessage().getBody(List.class)).map(n -> ((DeepomaticNetwork) n).id())
                .containsExactly("dominant-color-net", "color-blobs-net");
        // a string id is a public network: no publicNetwork needed
        assertThat(call("deepomatic:network", "color-blobs-net").getMessage().getBody(DeepomaticNetwork.class)
                .name()).isEqualTo("Colour blobs network");

        Exchange deleted = call("deepomatic:delete-network", net.id());
        assertThat(deleted.getException()).isNull();
        assertThat(deleted.getMessage().getHeader(DeepomaticConstants.NETWORK_ID)).isEqualTo(net.id());
        Exchange gone = call("deepomatic:network?networkId=" + net.id(), null);
        assertThat(((InferenceApiException) gone.getException()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void badNetworkRequestsAreRefusedBeforeOrByTheService() {
        Map<String, Object> noFiles = network("n");
        noFiles.remove("saved_model.pb");
        noFiles.remove(PREPROCESSING_MEAN);
        assertThat(call("deepomatic:create-network", noFiles).getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model files");
        Map<String, Object> noFramework = network("n");
        noFramework.remove("framework");
        assertThat(call("deepomatic:create-network", noFramework).getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'framework'");
        Map<String, Object> unknownField = network("n");
        unknownField.put("current_version_id", 3);
        assertThat(call("deepomatic:create-network", unknownField).getException())
                .hasMessageContaining("does not take the field 'current_version_id'");
        assertThat(call("deepomatic:create-network", "{\"name\": \"n\"}").getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a Map");
        Exchange immutable = template.request("deepomatic:update-network?networkId=7",
                e -> e.getMessage().setBody(Map.of("framework", "nv-caffe-0.x-mod")));
        assertThat(immutable.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot change 'framework'");
        Exchange publicChange = template.request("deepomatic:delete-network", e -> e.getMessage().setBody("color-blobs-net"));
        assertThat(publicChange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public");
        assertThat(emulator.stats().totalCalls("deepomatic")).as("nothing was sent").isZero();

        // what only the service can tell: the mean file the preprocessing names was not uploaded
        Map<String, Object> noMean = network("n");
        noMean.remove(PREPROCESSING_MEAN);
        Exchange refused = call("deepomatic:create-network", noMean);
        assertThat(refused.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining(PREPROCESSING_MEAN);
        assertThat(((InferenceApiException) refused.getException()).getStatusCode()).isEqualTo(400);
        Exchange unknown = template.request("deepomatic:update-network?networkId=4242",
                e -> e.getMessage().setBody(Map.of("name", "x")));
        assertThat(((InferenceApiException) unknown.getException()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void versionsAreCreatedListedReadDeletedAndRunInference() {
        String spec = template.requestBody("deepomatic:create-spec", DeepomaticSpec.of("apples", "red or green",
                "NONE", true, List.of("green", "red")), DeepomaticSpec.class).id();
        String net = template.requestBody("deepomatic:create-network", network("apple net"), DeepomaticNetwork.class)
                .id();
        Exchange created = call("deepomatic:create-version", Map.of("spec_id", Integer.parseInt(spec),
                "network_id", Integer.parseInt(net), "post_processings",
                List.of(Map.of("classification", Map.of("output_tensor", "logits")))));
        assertThat(created.getException()).isNull();
        DeepomaticVersion version = created.getMessage().getBody(DeepomaticVersion.class);
        assertThat(version.specName()).isEqualTo("apples");
        assertThat(version.networkName()).isEqualTo("apple net");
        assertThat(created.getMessage().getHeader(DeepomaticConstants.VERSION_ID)).isEqualTo(version.id());
        assertThat(created.getMessage().getHeader(DeepomaticConstants.SPEC_ID)).isEqualTo(spec);

        Exchange all = call("deepomatic:versions", null);
        assertThat(all.getMessage().getBody(List.class)).hasSize(1);
        assertThat(all.getMessage().getHeader(DeepomaticConstants.VERSION_COUNT)).isEqualTo(1);
        Exchange ofSpec = template.request("deepomatic:spec-versions",
                e -> e.getMessage().setHeader(DeepomaticConstants.SPEC_ID, spec));
        assertThat(ofSpec.getMessage().getBody(List.class)).map(v -> ((DeepomaticVersion) v).id())
                .containsExactly(version.id());
        assertThat(call("deepomatic:version", version.id()).getMessage().getBody(DeepomaticVersion.class)
                .postProcessings()).hasSize(1);

        // inference on the version: the version header (or option) instead of a spec
        Exchange inferred = template.request("deepomatic:inference", e -> {
            e.getMessage().setHeader(DeepomaticConstants.VERSION_ID, version.id());
            e.getMessage().setBody(sample("red-apple.png"));
        });
        assertThat(inferred.getException()).isNull();
        DeepomaticResult result = inferred.getMessage().getBody(DeepomaticResult.class);
        assertThat(result.versionId()).isEqualTo(version.id());
        assertThat(result.specId()).isNull();
        assertThat(result.top().labelName()).isEqualTo("red");
        assertThat(inferred.getMessage().getHeader(DeepomaticConstants.VERSION_ID)).isEqualTo(version.id());
        assertThat(inferred.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");
        Exchange byOption = call("deepomatic:inference?versionId=" + version.id(), sampleUrl("blue-sky.png"));
        assertThat(byOption.getMessage().getBody(DeepomaticResult.class).top()).as("no blue label").isNull();
        assertThat(calls("POST /v0.7/recognition/versions/{versionId}/inference")).isEqualTo(2);
        assertThat(billed()).isEqualTo(2);

        Exchange deleted = template.request("deepomatic:delete-version?versionId=" + version.id(), e -> { });
        assertThat(deleted.getException()).isNull();
        Exchange gone = call("deepomatic:version", version.id());
        assertThat(((InferenceApiException) gone.getException()).getStatusCode()).isEqualTo(404);
        Exchange goneInference = call("deepomatic:inference?versionId=" + version.id(), sample("red-apple.png"));
        assertThat(((InferenceApiException) goneInference.getException()).getStatusCode()).isEqualTo(404);
        assertThat(billed()).isEqualTo(2);
    }

    @Test
    void badVersionRequestsAreRefusedBeforeOrByTheService() {
        assertThat(call("deepomatic:create-version", Map.of("spec_id", 1, "network_id", 2)).getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'post_processings'");
        assertThat(call("deepomatic:create-version", Map.of("spec_id", 1, "network_id", 2, "post_processings",
                List.of(), "name", "v1")).getException()).hasMessageContaining("does not take the field 'name'");
        assertThat(call("deepomatic:create-version", "[1, 2]").getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThat(call("deepomatic:version", null).getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("versionId").hasMessageContaining(DeepomaticConstants.VERSION_ID);
        assertThat(emulator.stats().totalCalls("deepomatic")).as("nothing was sent").isZero();

        Exchange unknownSpec = call("deepomatic:create-version", DeepomaticVersion.of("999", "998",
                List.of(Map.of("classification", Map.of()))));
        assertThat(unknownSpec.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("spec_id").hasMessageContaining("does not exist");
        Exchange publicSpecVersions = call("deepomatic:spec-versions", CLASSIFIER);
        assertThat(((InferenceApiException) publicSpecVersions.getException()).getStatusCode()).isEqualTo(404);
        assertThat(calls("GET /v0.7/recognition/public/{specId}/versions")).isEqualTo(1);
    }

    @Test
    void theAccountIsTheOneTheKeyBelongsTo() {
        Exchange me = call("deepomatic:account", null);
        assertThat(me.getException()).isNull();
        assertThat(me.getMessage().getBody(Map.class)).containsKeys("id", "username", "email");
        assertThat(calls("GET /v0.7/accounts/me")).isEqualTo(1);
        Exchange wrongKey = call("deepomatic:account?apiKey=not-the-key", null);
        assertThat(((InferenceApiException) wrongKey.getException()).getStatusCode()).isEqualTo(401);
    }
}
