package io.camelinference.unitypredict;

import java.util.List;
import java.util.Map;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.unitypredict.model.UnityPredictOutcome;
import io.camelinference.unitypredict.model.UnityPredictRequest;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class UnityPredictPredictTest extends UnityPredictTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange predict(Object body, Map<String, Object> headers) {
        return template.request("unitypredict:predict?modelId=heart-risk", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    @Test
    void mapBodyReturnsTheResponseAndSetsHeaders() {
        Exchange out = predict(Map.of("Age", 61, "Chol", 120), Map.of());

        assertThat(out.getException()).isNull();
        UnityPredictResponse response = out.getMessage().getBody(UnityPredictResponse.class);
        assertThat(response.status()).isEqualTo("Completed");
        UnityPredictOutcome label = response.outcomes().get("Label").get(0);
        assertThat(label.dataType()).isEqualTo("Boolean");
        assertThat(label.probability()).isBetween(0.0, 1.0);
        assertThat(out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class)).isEqualTo(response.requestId()).isNotBlank();
        assertThat(out.getMessage().getHeader(UnityPredictConstants.CONTEXT_ID, String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
        assertThat(out.getMessage().getHeader(UnityPredictConstants.COMPUTE_COST, Double.class)).isPositive();
        assertThat(out.getMessage().getHeader(UnityPredictConstants.COMPUTE_TIME_CHARGED, String.class)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d+");
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void theModelAnswersFromTheInputs() {
        double older = predict(Map.of("Age", 75, "Chol", 300), Map.of()).getMessage()
                .getBody(UnityPredictResponse.class).outcomes().get("Label").get(0).probability();
        double younger = predict(Map.of("Age", 25, "Chol", 150), Map.of()).getMessage()
                .getBody(UnityPredictResponse.class).outcomes().get("Label").get(0).probability();
        assertThat(older).isGreaterThan(younger);
    }

    @Test
    void jsonStringBodyWithInputValuesAndDesiredOutcomes() {
        Exchange out = predict("{\"InputValues\": {\"Age\": 50, \"Chol\": 200}, \"DesiredOutcomes\": [\"Label\"]}", Map.of());
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(UnityPredictResponse.class).outcomes()).containsOnlyKeys("Label");
    }

    @Test
    void jsonStringOfPlainInputValues() {
        Exchange out = predict("{\"Age\": 50, \"Chol\": 200}", Map.of());
        assertThat(out.getMessage().getBody(UnityPredictResponse.class).status()).isEqualTo("Completed");
    }

    @Test
    void requestRecordBodyKeepsItsContextId() {
        UnityPredictRequest request = new UnityPredictRequest(Map.of("Age", 40, "Chol", 180), List.of("Label"),
                "my-session", null);
        Exchange out = predict(request, Map.of());
        assertThat(out.getMessage().getHeader(UnityPredictConstants.CONTEXT_ID)).isEqualTo("my-session");
    }

    @Test
    void headersOverrideOptions() {
        Exchange out = template.request("unitypredict:predict?modelId=no-such-model&desiredOutcomes=Nothing", e -> {
            e.getMessage().setBody(Map.of("Age", 40, "Chol", 180));
            e.getMessage().setHeader(UnityPredictConstants.MODEL_ID, "heart-risk");
            e.getMessage().setHeader(UnityPredictConstants.DESIRED_OUTCOMES, "Label");
            e.getMessage().setHeader(UnityPredictConstants.CONTEXT_ID, "ctx-from-header");
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(UnityPredictResponse.class).outcomes()).containsKey("Label");
        assertThat(out.getMessage().getHeader(UnityPredictConstants.CONTEXT_ID)).isEqualTo("ctx-from-header");
    }

    @Test
    void invalidJsonIsRejectedClearlyWithoutCallingTheServiceAndTheNextMessageWorks() {
        Exchange bad = predict("{not json", Map.of());
        assertThat(bad.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object").hasMessageContaining("InputValues");
        assertThat(emulator.stats().totalCalls("unitypredict")).isZero();

        Exchange good = predict(Map.of("Age", 61, "Chol", 120), Map.of());
        assertThat(good.getException()).isNull();
    }

    @Test
    void emptyBodyIsRejectedClearly() {
        Exchange bad = predict(null, Map.of());
        assertThat(bad.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body is empty");
    }

    @Test
    void aModelErrorRaisesJobFailedWithTheServiceMessage() {
        Exchange out = predict(Map.of("Age", 61), Map.of());
        assertThat(out.getException()).isInstanceOf(InferenceJobFailedException.class)
                .hasMessageContaining("Chol");
        InferenceJobFailedException failed = (InferenceJobFailedException) out.getException();
        assertThat(failed.getStatus()).isEqualTo("Error");
        assertThat(failed.getJobId()).isNotBlank();
    }

    @Test
    void unknownModelSurfacesTheServices404() {
        Exchange out = template.request("unitypredict:predict?modelId=no-such-model",
                e -> e.getMessage().setBody(Map.of("Age", 1)));
        assertThat(out.getException()).isInstanceOf(InferenceApiException.class);
        InferenceApiException error = (InferenceApiException) out.getException();
        assertThat(error.getStatusCode()).isEqualTo(404);
        assertThat(error.getMessage()).contains("no-such-model");
    }
}
