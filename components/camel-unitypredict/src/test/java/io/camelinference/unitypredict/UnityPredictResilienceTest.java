package io.camelinference.unitypredict;

import java.net.ServerSocket;
import java.util.Map;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries that recover, retries that must not happen (billing), and failures that stay clear. */
class UnityPredictResilienceTest extends UnityPredictTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(400));

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange heartRisk(String options) {
        return template.request("unitypredict:predict?modelId=heart-risk" + options,
                e -> e.getMessage().setBody(Map.of("Age", 61, "Chol", 120)));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRecovered() {
        fault(FaultRule.builder().method("POST").path("/api/predict/*").status(429).retryAfter(1).count(1));

        Exchange out = heartRisk("");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(UnityPredictResponse.class).status()).isEqualTo("Completed");
        assertThat(calls(PREDICT)).isEqualTo(2);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnceSayingSo() {
        fault(FaultRule.builder().method("POST").path("/api/predict/*").status(429).retryAfter(3600).count(1));

        Exchange out = heartRisk("&maxRetryAfter=5s");

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("429").hasMessageContaining("3600").hasMessageContaining("maxRetryAfter");
        assertThat(calls(PREDICT)).isEqualTo(1);
    }

    @Test
    void a5xxAfterTheBilledPredictIsNotSentAgain() {
        fault(FaultRule.builder().method("POST").path("/api/predict/*").status(500).afterProcessing(true).count(1));

        Exchange out = heartRisk("");

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class);
        assertThat(((InferenceApiException) out.getException()).getStatusCode()).isEqualTo(500);
        assertThat(calls(PREDICT)).as("predict sent once").isEqualTo(1);
        assertThat(billed()).as("billed once").isEqualTo(1);
    }

    @Test
    void aDroppedConnectionOnTheBilledPredictIsNotSentAgain() {
        fault(FaultRule.builder().method("POST").path("/api/predict/*").drop(true).afterProcessing(true).count(1));

        Exchange out = heartRisk("");

        assertThat(out.getException()).isInstanceOf(InferenceTransportException.class)
                .hasMessageContaining("not re-sent");
        assertThat(((InferenceTransportException) out.getException()).isMaybeReceived()).isTrue();
        assertThat(calls(PREDICT)).isEqualTo(1);
    }

    @Test
    void aMalformedAnswerToTheBilledPredictFailsWithoutResending() {
        fault(FaultRule.builder().method("POST").path("/api/predict/*").malformed(true).count(1));

        Exchange out = heartRisk("");

        assertThat(out.getException()).isInstanceOf(InferenceTransportException.class)
                .hasMessageContaining("UnityPredictResponse");
        assertThat(calls(PREDICT)).isEqualTo(1);
    }

    @Test
    void statusChecksAreRetriedThrough5xxAndMalformedAnswers() {
        fault(FaultRule.builder().method("GET").path("/api/predict/status/*").status(503).count(2));
        fault(FaultRule.builder().method("GET").path("/api/predict/status/*").malformed(true).count(1));

        Exchange out = template.request("unitypredict:predict?modelId=sentiment-slow",
                e -> e.getMessage().setBody(Map.of("Text", "a great day")));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
        assertThat(calls(STATUS)).isGreaterThanOrEqualTo(4);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aPaidJobIsNotGivenUpWhenItsStatusAnswersStayUnreadable() {
        // more garbled answers in a row than one check asks again for (maxRetries 3: four asks)
        fault(FaultRule.builder().method("GET").path("/api/predict/status/*").malformed(true).count(6));

        Exchange out = template.request("unitypredict:predict?modelId=sentiment-slow",
                e -> e.getMessage().setBody(Map.of("Text", "a great day")));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
        assertThat(calls(STATUS)).isGreaterThanOrEqualTo(7);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aWrongKeyGivesAClear401WithoutTheKey() {
        Exchange out = heartRisk("&apiKey=wrong-secret-123");

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("401").hasMessageContaining("API key")
                .hasMessageNotContaining("wrong-secret-123");
        assertThat(billed()).isZero();
    }

    @Test
    void connectionRefusedIsRetriedThenReportedAsNeverSent() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        Exchange out = template.request("unitypredict:predict?modelId=heart-risk&maxRetries=2&retryInitialDelay=10"
                        + "&baseUrl=http://127.0.0.1:" + freePort + "/api",
                e -> e.getMessage().setBody(Map.of("Age", 61, "Chol", 120)));

        assertThat(out.getException()).isInstanceOf(InferenceTransportException.class)
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(((InferenceTransportException) out.getException()).isMaybeReceived()).isFalse();
    }
}
