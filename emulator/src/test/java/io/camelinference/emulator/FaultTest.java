package io.camelinference.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelinference.emulator.spi.JobFault;

class FaultTest {

    static final String UP = "unitypredict";
    static final String HEART = Http.predictBody("{\"Age\":60,\"Chol\":250}");

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(200));

    Http http;

    @BeforeEach
    void client() {
        http = new Http(emulator.baseUrl(), emulator.apiKey());
    }

    @Test
    void status429WithRetryAfterAppliesCountTimes() throws Exception {
        emulator.faults().add(FaultRule.builder().provider(UP).method("POST").path("/api/predict/*")
                .status(429).retryAfter(2).count(1).build());
        HttpResponse<String> first = http.post("/api/predict/heart-risk", HEART);
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(Http.json(first).get("status").isNull()).isTrue();
        assertThat(Http.json(first).get("errorMessages").asText()).contains("429");
        HttpResponse<String> second = http.post("/api/predict/heart-risk", HEART);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(emulator.faults().rules()).isEmpty();
        assertThat(emulator.stats().calls(UP, "POST /api/predict/{modelId}")).isEqualTo(2);
        assertThat(emulator.stats().billedUnits(UP)).isEqualTo(1);
    }

    @Test
    void pathGlobAndMethodRestrictTheRule() throws Exception {
        emulator.faults().add(FaultRule.builder().method("GET").path("/api/predict/status/**").status(503).build());
        assertThat(http.post("/api/predict/heart-risk", HEART).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/predict/status/anything").statusCode()).isEqualTo(503);
    }

    @Test
    void afterProcessing500StillBillsAndCreatesTheJob() throws Exception {
        emulator.faults().add(FaultRule.builder().status(500).afterProcessing(true).count(1).build());
        HttpResponse<String> r = http.post("/api/predict/heart-risk", HEART);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(emulator.stats().billedUnits(UP)).isEqualTo(1);
        assertThat(emulator.stats().jobs(UP, "Completed")).isEqualTo(1);
    }

    @Test
    void statusFaultWithoutAfterProcessingDoesNotBill() throws Exception {
        emulator.faults().add(FaultRule.status(500));
        assertThat(http.post("/api/predict/heart-risk", HEART).statusCode()).isEqualTo(500);
        assertThat(emulator.stats().billedUnits(UP)).isZero();
        assertThat(emulator.stats().totalCalls(UP)).isEqualTo(1);
    }

    @Test
    void dropClosesTheConnectionWithoutAnswer() throws Exception {
        emulator.faults().add(FaultRule.builder().drop(true).count(1).build());
        assertThatThrownBy(() -> http.post("/api/predict/heart-risk", HEART)).isInstanceOf(IOException.class);
        assertThat(http.post("/api/predict/heart-risk", HEART).statusCode()).isEqualTo(200);
        assertThat(emulator.stats().totalCalls(UP)).isEqualTo(2);
    }

    @Test
    void malformedAnswers200WithInvalidJson() throws Exception {
        emulator.faults().add(FaultRule.builder().malformed(true).count(1).build());
        HttpResponse<String> r = http.post("/api/predict/heart-risk", HEART);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThatThrownBy(() -> Http.json(r)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        emulator.faults().add(FaultRule.builder().latencyMs(300).count(1).build());
        long t0 = System.nanoTime();
        assertThat(http.post("/api/predict/heart-risk", HEART).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void jobErrorMakesTheJobFail() throws Exception {
        emulator.faults().add(FaultRule.builder().provider(UP).job(JobFault.ERROR).count(1).build());
        JsonNode fast = Http.json(http.post("/api/predict/heart-risk", HEART));
        assertThat(fast.get("status").asText()).isEqualTo("Error");
        assertThat(fast.get("errorMessages").asText()).isNotBlank();
        // the rule was used up by the job it failed
        assertThat(Http.json(http.post("/api/predict/heart-risk", HEART)).get("status").asText()).isEqualTo("Completed");

        emulator.faults().add(FaultRule.builder().job(JobFault.ERROR).count(1).build());
        JsonNode slow = Http.json(http.post("/api/predict/sentiment-slow", Http.predictBody("{\"Text\":\"hello\"}")));
        assertThat(slow.get("status").asText()).isEqualTo("Processing");
        JsonNode done = await().atMost(Duration.ofSeconds(5)).until(() -> Http.json(http.get(slow.get("statusUrl").asText())),
                n -> !n.get("status").asText().equals("Processing"));
        assertThat(done.get("status").asText()).isEqualTo("Error");
        assertThat(emulator.stats().jobs(UP, "Error")).isEqualTo(2);
    }

    @Test
    void jobNeverStaysProcessing() throws Exception {
        emulator.faults().add(FaultRule.builder().job(JobFault.NEVER).build());
        JsonNode r = Http.json(http.post("/api/predict/heart-risk", HEART));
        assertThat(r.get("status").asText()).isEqualTo("Processing");
        // heart-risk finishes at once without the fault: it must stay Processing the whole time
        await().during(Duration.ofMillis(250)).atMost(Duration.ofSeconds(2))
                .until(() -> Http.json(http.get(r.get("statusUrl").asText())).get("status").asText(), "Processing"::equals);
        assertThat(emulator.stats().jobs(UP, "Processing")).isEqualTo(1);
    }

    @Test
    void rateIsDeterministic() throws Exception {
        int[] first = failures(0.5, 20);
        emulator.reset();
        int[] second = failures(0.5, 20);
        assertThat(second).isEqualTo(first);
        assertThat(java.util.Arrays.stream(first).sum()).isBetween(3, 17);
    }

    private int[] failures(double rate, int n) throws Exception {
        emulator.faults().add(FaultRule.builder().status(503).rate(rate).build());
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = http.get("/api/predict/status/x").statusCode() == 503 ? 1 : 0;
        }
        return out;
    }
}
