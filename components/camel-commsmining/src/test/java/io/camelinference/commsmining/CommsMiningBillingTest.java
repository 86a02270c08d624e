package io.camelinference.commsmining;

import java.net.ServerSocket;
import java.util.List;

import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.error.SpendLimitExceededException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing is per document on every predict call: a billed call whose answer is lost is not sent again blind (unless
 * the route opts in), while 429 and connect failures, which bill nothing, are retried.
 */
class CommsMiningBillingTest extends CommsMiningTestSupport {

    private static final String PREDICT_PATH = "/api/v1/datasets/*/*/labellers/*/predict";
    private static final List<String> TWO = List.of("Please refund my money for the returned item.",
            "Where is my parcel? It has not arrived.");

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange predict(String options) {
        return template.request("commsmining:predict?" + DEMO + options, e -> e.getMessage().setBody(TWO));
    }

    @Test
    void a5xxAfterTheBilledPredictIsNotSentAgainAndIsBilledOnce() {
        fault(FaultRule.builder().method("POST").path(PREDICT_PATH).status(500).afterProcessing(true).count(1));

        Exchange out = predict("");

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class);
        assertThat(((InferenceApiException) out.getException()).getStatusCode()).isEqualTo(500);
        assertThat(calls(PREDICT)).as("sent once").isEqualTo(1);
        assertThat(billed()).as("billed once: two documents").isEqualTo(2);
        assertThat(emulator.stats().duplicateBilled("commsmining")).isZero();
    }

    @Test
    void aDroppedConnectionOnTheBilledPredictIsNotSentAgain() {
        fault(FaultRule.builder().method("POST").path(PREDICT_PATH).drop(true).afterProcessing(true).count(1));

        Exchange out = predict("");

        assertThat(out.getException()).isInstanceOf(InferenceTransportException.class)
                .hasMessageContaining("not re-sent");
        assertThat(((InferenceTransportException) out.getException()).isMaybeReceived()).isTrue();
        assertThat(calls(PREDICT)).isEqualTo(1);
        assertThat(billed()).isEqualTo(2);
    }

    @Test
    void aRouteThatOptsInReSendsTheBilledCallAndPaysTwice() {
        fault(FaultRule.builder().method("POST").path(PREDICT_PATH).status(502).afterProcessing(true).count(1));

        Exchange out = predict("&retryBilledCalls=true");

        assertThat(out.getException()).isNull();
        assertThat(calls(PREDICT)).isEqualTo(2);
        assertThat(emulator.stats().duplicateBilled("commsmining")).as("the same documents billed twice").isEqualTo(2);
    }

    @Test
    void a429IsRetriedAndBilledOnce() {
        fault(FaultRule.builder().method("POST").path(PREDICT_PATH).status(429).retryAfter(1).count(1));

        Exchange out = predict("");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).hasSize(2);
        assertThat(calls(PREDICT)).isEqualTo(2);
        assertThat(billed()).isEqualTo(2);
    }

    @Test
    void aMalformedAnswerToTheBilledPredictFailsWithoutResending() {
        fault(FaultRule.builder().method("POST").path(PREDICT_PATH).malformed(true).count(1));

        Exchange out = predict("");

        assertThat(out.getException()).isInstanceOf(InferenceTransportException.class)
                .hasMessageContaining("PredictResponse");
        assertThat(calls(PREDICT)).isEqualTo(1);
    }

    @Test
    void commentPredictionsAreBilledPerCommentSoA5xxAfterProcessingIsNotSentAgain() {
        fault(FaultRule.builder().method("POST").path("/api/v1/datasets/*/*/labellers/*/predict-comments").status(500)
                .afterProcessing(true).count(1));

        Exchange out = template.request("commsmining:predict-comments?" + DEMO,
                e -> e.getMessage().setBody(List.of("18ba5ce699f8da1f.0001", "18ba5ce699f8da1f.0002")));

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class);
        assertThat(calls(PREDICT_COMMENTS)).as("sent once").isEqualTo(1);
        assertThat(billed()).as("one AI unit per comment").isEqualTo(2);
        assertThat(emulator.stats().duplicateBilled("commsmining")).isZero();
    }

    @Test
    void commentPredictionsTakeTheirAiUnitsFromTheSpendBudget() {
        Exchange over = template.request("commsmining:predict-comments?" + DEMO + "&spendLimit=1",
                e -> e.getMessage().setBody(List.of("18ba5ce699f8da1f.0001", "18ba5ce699f8da1f.0002")));

        assertThat(over.getException()).isInstanceOf(SpendLimitExceededException.class);
        assertThat(calls(PREDICT_COMMENTS)).as("refused before anything was sent").isZero();
        CommsMiningPrediction one = template.requestBody("commsmining:predict-comments?" + DEMO + "&spendLimit=1",
                "18ba5ce699f8da1f.0001", CommsMiningPrediction.class);
        assertThat(one.uid()).isEqualTo("18ba5ce699f8da1f.0001");
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsNeverSent() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        Exchange out = predict("&maxRetries=2&retryInitialDelay=10&baseUrl=http://127.0.0.1:" + freePort);

        assertThat(out.getException()).isInstanceOf(InferenceTransportException.class)
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(((InferenceTransportException) out.getException()).isMaybeReceived()).isFalse();
    }

    @Test
    void anErrorEnvelopeUnderA2xxIsAProtocolErrorNotAnAnswer() throws Exception {
        // the reinfer CLI's rule: a body whose status disagrees with the HTTP status is not used
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = "{\"status\":\"error\",\"message\":\"quota exhausted\"}".getBytes();
        server.createContext("/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Exchange out = predict("&baseUrl=http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(out.getException()).isInstanceOf(io.camelinference.common.error.InferenceException.class)
                    .hasMessageContaining("status 'error'").hasMessageContaining("protocol error");
        } finally {
            server.stop(0);
        }
    }
}
