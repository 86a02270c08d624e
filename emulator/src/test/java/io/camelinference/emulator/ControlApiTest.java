package io.camelinference.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ControlApiTest {

    @Test
    void statsFaultsResetAndSinkOverHttp() throws Exception {
        try (InferenceEmulator emu = InferenceEmulator.builder().port(0).apiKey("k")
                .fault(FaultRule.fromJson("{\"provider\":\"unitypredict\",\"path\":\"/api/predict/heart-risk\",\"status\":503,\"count\":1}"))
                .build().start()) {
            assertThat(emu.baseUrl()).isEqualTo("http://127.0.0.1:" + emu.port());
            Http http = new Http(emu.baseUrl(), "k");

            JsonNode faults = Http.json(http.get("/_emulator/faults"));
            assertThat(faults).hasSize(1);
            assertThat(faults.get(0).get("remaining").asInt()).isEqualTo(1);

            assertThat(http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":1,\"Chol\":1}")).statusCode()).isEqualTo(503);
            assertThat(http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":50,\"Chol\":200}")).statusCode()).isEqualTo(200);

            JsonNode stats = Http.json(http.get("/_emulator/stats"));
            JsonNode up = stats.at("/providers/unitypredict");
            assertThat(up.get("totalCalls").asLong()).isEqualTo(2);
            assertThat(up.at("/calls/POST ~1api~1predict~1{modelId}").asLong()).isEqualTo(2);
            assertThat(up.get("billedUnits").asLong()).isEqualTo(1);
            assertThat(up.get("billedCost").decimalValue()).isEqualByComparingTo("0.0001");
            assertThat(up.at("/jobs/Completed").asLong()).isEqualTo(1);

            // POST one rule or an array; bad rules are 400
            HttpResponse<String> added = http.post("/_emulator/faults",
                    "[{\"status\":429,\"retryAfter\":1},{\"job\":\"never\",\"rate\":0.5}]");
            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(Http.json(added)).hasSize(2);
            assertThat(emu.faults().rules()).hasSize(2);
            assertThat(http.post("/_emulator/faults", "{\"status\":\"x\"}").statusCode()).isEqualTo(400);
            assertThat(http.post("/_emulator/faults", "{\"bogus\":1}").statusCode()).isEqualTo(400);
            assertThat(http.post("/_emulator/faults", "{\"job\":\"later\"}").statusCode()).isEqualTo(400);
            assertThat(http.delete("/_emulator/faults").statusCode()).isEqualTo(200);
            assertThat(emu.faults().rules()).isEmpty();

            // sink
            HttpResponse<String> s1 = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(emu.sinkUrl("hooks")))
                    .header("Content-Type", "application/json").header("X-Trace", "t1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(s1.statusCode()).isEqualTo(200);
            Http.CLIENT.send(HttpRequest.newBuilder(URI.create(emu.sinkUrl("hooks")))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("plain text")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode got = Http.json(http.get("/_emulator/sink/hooks"));
            assertThat(got).hasSize(2);
            assertThat(got.get(0).at("/json/a").asInt()).isEqualTo(1);
            assertThat(got.get(0).at("/headers/x-trace/0").asText()).isEqualTo("t1");
            assertThat(got.get(1).get("body").asText()).isEqualTo("plain text");
            assertThat(got.get(1).get("json").isNull()).isTrue();
            assertThat(emu.sink("hooks")).hasSize(2);
            assertThat(emu.sink("other")).isEmpty();
            // the control API is not counted
            assertThat(emu.stats().providers()).containsExactly("unitypredict");

            // reset clears everything
            emu.faults().add(FaultRule.status(500));
            assertThat(http.post("/_emulator/reset", null).statusCode()).isEqualTo(200);
            assertThat(emu.faults().rules()).isEmpty();
            assertThat(emu.sink("hooks")).isEmpty();
            assertThat(emu.stats().totalCalls("unitypredict")).isZero();
            assertThat(emu.stats().billedUnits("unitypredict")).isZero();
            assertThat(emu.stats().jobs("unitypredict")).isEmpty();
            assertThat(Http.json(http.get("/_emulator/stats")).get("providers")).isEmpty();
        }
    }

    @Test
    void faultRuleJsonRoundTrip() {
        String json = "{\"provider\":\"unitypredict\",\"method\":\"POST\",\"path\":\"/api/**\",\"status\":429,"
                + "\"retryAfter\":3,\"latencyMs\":10,\"drop\":true,\"malformed\":true,\"job\":\"error\","
                + "\"afterProcessing\":true,\"count\":2,\"rate\":0.25}";
        FaultRule r = FaultRule.fromJson(json);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.job()).isEqualTo(io.camelinference.emulator.spi.JobFault.ERROR);
        assertThat(FaultRule.fromJson(r.toJson())).isEqualTo(r);
    }
}
