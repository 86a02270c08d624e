package io.camelinference.deepomatic;

import java.util.List;
import java.util.Map;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.deepomatic.model.DeepomaticNetwork;
import io.camelinference.deepomatic.model.DeepomaticSpec;
import io.camelinference.deepomatic.model.DeepomaticVersion;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class DeepomaticSpecsTest extends DeepomaticTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(200));

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange call(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    @Test
    void publicSpecsAreListedAndRetrieved() {
        Exchange list = call("deepomatic:specs?publicSpec=true", null);
        assertThat(list.getException()).isNull();
        List<?> specs = list.getMessage().getBody(List.class);
        assertThat(specs).map(s -> ((DeepomaticSpec) s).id()).containsExactly(CLASSIFIER, DETECTOR);
        assertThat(list.getMessage().getHeader(DeepomaticConstants.SPEC_COUNT)).isEqualTo(2);

        Exchange one = call("deepomatic:spec?specId=" + DETECTOR, null);
        DeepomaticSpec detector = one.getMessage().getBody(DeepomaticSpec.class);
        assertThat(detector.outputs().get(0).labels().roi()).isEqualTo("BBOX");
        assertThat(detector.outputs().get(0).labels().labels()).extracting(DeepomaticSpec.Label::name)
                .contains("red", "green");
    }

    @Test
    void privateSpecLifecycleAndInferenceOnItsIntegerId() {
        DeepomaticSpec toCreate = DeepomaticSpec.of("apples", "red or green apples", "NONE", true,
                List.of("green", "red"));
        Exchange created = call("deepomatic:create-spec", toCreate);
        assertThat(created.getException()).isNull();
        DeepomaticSpec spec = created.getMessage().getBody(DeepomaticSpec.class);
        String id = spec.id();
        assertThat(id).matches("\\d+");
        assertThat(created.getMessage().getHeader(DeepomaticConstants.SPEC_ID)).isEqualTo(id);
        assertThat(spec.currentVersionId()).isNull();

        // the service refuses inference until the spec has a current version: its own message comes through
        Exchange tooEarly = call("deepomatic:inference?specId=" + id, sample("red-apple.png"));
        assertThat(tooEarly.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("current_version_id");

        // a private specification runs through a version of its own: a version that does not exist is refused
        Exchange noSuchVersion = template.request("deepomatic:update-spec", e -> {
            e.getMessage().setHeader(DeepomaticConstants.SPEC_ID, id);
            e.getMessage().setBody("{\"name\": \"apples v2\", \"current_version_id\": 3}");
        });
        assertThat(noSuchVersion.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("current_version_id").hasMessageContaining("does not exist");
        assertThat(((InferenceApiException) noSuchVersion.getException()).getStatusCode()).isEqualTo(400);
        String network = template.requestBody("deepomatic:create-network", DeepomaticNetworksTest.network("apple net"),
                DeepomaticNetwork.class).id();
        DeepomaticVersion version = template.requestBody("deepomatic:create-version", DeepomaticVersion.of(id, network,
                List.of(Map.of("classification", Map.of()))), DeepomaticVersion.class);
        Exchange updated = template.request("deepomatic:update-spec", e -> {
            e.getMessage().setHeader(DeepomaticConstants.SPEC_ID, id);
            e.getMessage().setBody("{\"name\": \"apples v2\", \"current_version_id\": " + version.id() + "}");
        });
        assertThat(updated.getException()).isNull();
        assertThat(updated.getMessage().getBody(DeepomaticSpec.class).name()).isEqualTo("apples v2");
        assertThat(updated.getMessage().getBody(DeepomaticSpec.class).currentVersionId())
                .isEqualTo(Integer.valueOf(version.id()));
        assertThat(updated.getMessage().getBody(DeepomaticSpec.class).taskId()).as("the sample's task_id").isNotBlank();

        // an integer id goes to /recognition/specs/{id}: no publicSpec needed
        Exchange inferred = call("deepomatic:inference?specId=" + id, sample("red-apple.png"));
        assertThat(inferred.getException()).isNull();
        DeepomaticResult result = inferred.getMessage().getBody(DeepomaticResult.class);
        assertThat(result.top().labelName()).isEqualTo("red");
        assertThat(result.top().labelId()).isEqualTo(1);
        assertThat(calls(PRIVATE_INFERENCE)).isEqualTo(2);
        assertThat(calls(PUBLIC_INFERENCE)).isZero();

        Exchange deleted = call("deepomatic:delete-spec", id);
        assertThat(deleted.getException()).isNull();
        Exchange gone = call("deepomatic:spec?specId=" + id, null);
        assertThat(gone.getException()).isInstanceOf(InferenceApiException.class);
        assertThat(((InferenceApiException) gone.getException()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void theListOfOwnSpecsFollowsEveryPage() {
        for (int i = 0; i < 103; i++) {
            Exchange created = call("deepomatic:create-spec", Map.of("name", "spec " + i, "outputs",
                    List.of(Map.of("labels", Map.of("roi", "NONE", "exclusive", true,
                            "labels", List.of(Map.of("id", 0, "name", "red")))))));
            assertThat(created.getException()).isNull();
        }

        Exchange list = call("deepomatic:specs", null);

        List<?> specs = list.getMessage().getBody(List.class);
        assertThat(specs).hasSize(103);
        assertThat(calls("GET /v0.7/recognition/specs")).as("two pages").isEqualTo(2);
    }

    @Test
    void badSpecRequestsFailClearly() {
        Exchange invalid = call("deepomatic:create-spec", Map.of("name", "no outputs"));
        assertThat(invalid.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("outputs");
        Exchange publicChange = template.request("deepomatic:update-spec?specId=" + CLASSIFIER,
                e -> e.getMessage().setBody(Map.of("name", "mine now")));
        assertThat(publicChange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public");
        Exchange notJson = template.request("deepomatic:create-spec", e -> e.getMessage().setBody("{name: oops"));
        assertThat(notJson.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }
}
