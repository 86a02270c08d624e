package io.camelinference.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UnityPredictTest {

    static final String UP = "unitypredict";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().apiKey("secret").slowModelMillis(300));

    Http http;

    @BeforeEach
    void client() {
        http = new Http(emulator.baseUrl(), emulator.apiKey());
    }

    @Test
    void missingOrWrongKeyIs401WithUnityPredictEnvelope() throws Exception {
        HttpResponse<String> none = http.send("POST", "/api/predict/heart-risk", Http.predictBody("{\"Age\":50,\"Chol\":200}"), false);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Http.json(none).get("status").isNull()).isTrue();
        assertThat(Http.json(none).get("errorMessages").asText()).isEqualTo("Authentication of the API key failed.");

        Http wrong = new Http(emulator.baseUrl(), "nope");
        assertThat(wrong.get("/api/predict/status/x").statusCode()).isEqualTo(401);
        assertThat(emulator.stats().billedUnits(UP)).isZero();
        assertThat(emulator.stats().totalCalls(UP)).isEqualTo(2);
    }

    @Test
    void theSameInputBilledTwiceCountsAsADuplicateBilling() throws Exception {
        http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":50,\"Chol\":200}"));
        http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":51,\"Chol\":200}"));
        assertThat(emulator.stats().duplicateBilled(UP)).isZero();
        http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":50,\"Chol\":200}"));
        assertThat(emulator.stats().billedUnits(UP)).isEqualTo(3);
        assertThat(emulator.stats().billedSubjects(UP)).isEqualTo(2);
        assertThat(emulator.stats().duplicateBilled(UP)).isEqualTo(1);
        assertThat(emulator.stats().toJson().at("/providers/unitypredict/duplicateBilled").asLong()).isEqualTo(1);
    }

    @Test
    void heartRiskDependsOnInputs() throws Exception {
        JsonNode old = Http.json(http.post("/api/predict/heart-risk",
                "{\"InputValues\":{\"Age\":72,\"Chol\":330},\"DesiredOutcomes\":[\"Label\"],\"ContextId\":\"ctx-1\"}"));
        JsonNode young = Http.json(http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":31,\"Chol\":160}")));
        assertThat(old.get("status").asText()).isEqualTo("Completed");
        assertThat(old.get("contextId").asText()).isEqualTo("ctx-1");
        assertThat(old.get("computeTime").asText()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{7}");
        assertThat(old.get("computeCost").decimalValue()).isPositive();
        assertThat(old.has("statusUrl")).isFalse();
        JsonNode label = old.at("/outcomes/Label/0");
        assertThat(label.get("dataType").asText()).isEqualTo("Boolean");
        assertThat(label.get("value").asBoolean()).isTrue();
        double pOld = label.get("probability").asDouble();
        double pYoung = young.at("/outcomes/Label/0/probability").asDouble();
        assertThat(pOld).isGreaterThan(pYoung);
        assertThat(young.at("/outcomes/Label/0/value").asBoolean()).isFalse();
        // deterministic
        JsonNode again = Http.json(http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":31,\"Chol\":160}")));
        assertThat(again.at("/outcomes/Label/0/probability").asDouble()).isEqualTo(pYoung);
        assertThat(emulator.stats().calls(UP, "POST /api/predict/{modelId}")).isEqualTo(3);
        assertThat(emulator.stats().billedUnits(UP)).isEqualTo(3);
        assertThat(emulator.stats().jobs(UP, "Completed")).isEqualTo(3);
    }

    @Test
    void heartRiskMissingOrBadInputIsError() throws Exception {
        JsonNode r = Http.json(http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":50}")));
        assertThat(r.get("status").asText()).isEqualTo("Error");
        assertThat(r.get("errorMessages").asText()).contains("Chol").contains("number");
        JsonNode bad = Http.json(http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":\"old\",\"Chol\":200}")));
        assertThat(bad.get("errorMessages").asText()).contains("Age").contains("\"old\"");
        assertThat(emulator.stats().jobs(UP, "Error")).isEqualTo(2);
    }

    @Test
    void badRequestsAndUnknowns() throws Exception {
        HttpResponse<String> malformed = http.post("/api/predict/heart-risk", "{\"InputValues\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Http.json(malformed).get("errorMessages").asText()).contains("not valid JSON");
        HttpResponse<String> unknownModel = http.post("/api/predict/no-such-model", Http.predictBody("{}"));
        assertThat(unknownModel.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknownModel).get("status").isNull()).isTrue();
        assertThat(http.get("/api/predict/status/does-not-exist").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/predict/download/does-not-exist/summary.txt").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/nothing/here").statusCode()).isEqualTo(404);
        HttpResponse<String> foreign = http.post("/api/predict/heart-risk",
                "{\"InputValues\":{\"Age\":50,\"Chol\":200},\"CallbackUrl\":\"http://example.com/hook\"}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(emulator.stats().billedUnits(UP)).isZero();
    }

    @Test
    void slowModelProcessingThenCompletedAndCallsBack() throws Exception {
        String body = "{\"InputValues\":{\"Text\":\"I love this wonderful product, great quality\"},\"DesiredOutcomes\":[\"Sentiment\"],"
                + "\"CallbackUrl\":\"" + emulator.sinkUrl("up") + "\"}";
        JsonNode first = Http.json(http.post("/api/predict/sentiment-slow", body));
        assertThat(first.get("status").asText()).isEqualTo("Processing");
        String statusUrl = first.get("statusUrl").asText();
        assertThat(statusUrl).isEqualTo(emulator.baseUrl() + "/api/predict/status/" + first.get("requestId").asText());
        assertThat(emulator.stats().jobs(UP, "Processing")).isEqualTo(1);

        JsonNode last = awaitEnd(statusUrl);
        assertThat(last.get("status").asText()).isEqualTo("Completed");
        assertThat(last.has("statusUrl")).isFalse();
        assertThat(last.at("/outcomes/Sentiment/0/value").asText()).isEqualTo("positive");
        assertThat(last.get("computeTime").asText()).startsWith("00:00:00.3");
        assertThat(emulator.stats().jobs(UP, "Completed")).isEqualTo(1);
        assertThat(emulator.stats().calls(UP, "GET /api/predict/status/{requestId}")).isPositive();
        assertThat(emulator.stats().billedUnits(UP)).isEqualTo(1);

        List<SinkDelivery> hooks = emulator.emulator().awaitSink("up", 1, Duration.ofSeconds(5));
        assertThat(hooks).hasSize(1);
        assertThat(hooks.get(0).json().get("status").asText()).isEqualTo("Completed");
        assertThat(hooks.get(0).json().get("requestId").asText()).isEqualTo(first.get("requestId").asText());
        assertThat(hooks.get(0).contentType()).startsWith("application/json");
    }

    @Test
    void statsSayHowLateAfterItsEndAJobWasFirstSeenFinished() throws Exception {
        long submitted = System.nanoTime();
        JsonNode first = Http.json(http.post("/api/predict/sentiment-slow", Http.predictBody("{\"Text\":\"good\"}")));
        String statusUrl = first.get("statusUrl").asText();
        http.get(statusUrl); // still processing: nothing to notice yet
        assertThat(emulator.stats().toJson().at("/providers/unitypredict/noticeLagMillis").isMissingNode()).isTrue();

        // the stats' count by state does not count as a status call
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.stats().jobs(UP, "Completed") == 1);
        assertThat(emulator.stats().toJson().at("/providers/unitypredict/noticeLagMillis").isMissingNode()).isTrue();

        assertThat(Http.json(http.get(statusUrl)).get("status").asText()).isEqualTo("Completed");
        double sinceEndMillis = (System.nanoTime() - submitted) / 1e6 - 300;
        http.get(statusUrl); // seen finished before: not a second notice
        JsonNode lag = emulator.stats().toJson().at("/providers/unitypredict/noticeLagMillis");
        assertThat(lag.get("jobs").asInt()).isEqualTo(1);
        assertThat(lag.get("max").asDouble()).isBetween(0.0, sinceEndMillis);
        assertThat(lag.get("p50").asDouble()).isEqualTo(lag.get("max").asDouble());
    }

    @Test
    void sentimentClassesAreDistinguished() throws Exception {
        assertThat(sentiment("The service was terrible and the staff were rude, a horrible experience.")).isEqualTo("negative");
        assertThat(sentiment("The meeting is on Tuesday at the office on the second floor.")).isEqualTo("neutral");
    }

    private String sentiment(String text) throws Exception {
        JsonNode first = Http.json(http.post("/api/predict/sentiment-slow",
                Http.predictBody(Http.MAPPER.createObjectNode().put("Text", text).toString())));
        JsonNode r = awaitEnd(first.get("statusUrl").asText());
        assertThat(r.get("status").asText()).isEqualTo("Completed");
        return r.at("/outcomes/Sentiment/0/value").asText();
    }

    /** Polls the status URL until the request is no longer Processing. */
    private JsonNode awaitEnd(String statusUrl) {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> Http.json(http.get(statusUrl)), n -> !n.get("status").asText().equals("Processing"));
    }

    @Test
    void fileFlowInitializeUploadPredictDownload() throws Exception {
        JsonNode init = Http.json(http.post("/api/predict/initialize/text-summary", null));
        assertThat(init.get("status").asText()).isEqualTo("Processing");
        assertThat(init.get("outcomes").size()).isZero();
        String requestId = init.get("requestId").asText();
        // before its billed predict the request has no status: a client that lost predict's answer can tell
        JsonNode notPredicted = Http.json(http.get("/api/predict/status/" + requestId));
        assertThat(notPredicted.get("status").isNull()).as(notPredicted.toString()).isTrue();
        assertThat(emulator.stats().billedUnits(UP)).isZero();

        JsonNode link = Http.json(http.get("/api/predict/upload/" + requestId + "/notes%20v1.txt"));
        String uploadLink = link.get("uploadLink").asText();
        String fileName = link.get("fileName").asText();
        assertThat(uploadLink).startsWith(emulator.baseUrl() + "/_emulator/unitypredict/upload/");
        assertThat(fileName).isNotEqualTo("notes v1.txt").endsWith("notes_v1.txt");

        String text = "Great product, I love it. It works well and the support team is wonderful.\n"
                + "Second line with more words about the product.\n";
        HttpResponse<String> put = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(uploadLink))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        JsonNode r = Http.json(http.post("/api/predict/text-summary/" + requestId,
                "{\"InputValues\":{\"InputFile\":\"" + fileName + "\",\"OutputName\":\"../../evil.txt\"},"
                        + "\"DesiredOutcomes\":[\"Summary\",\"Label\"]}"));
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("Completed");
        assertThat(r.get("requestId").asText()).isEqualTo(requestId);
        assertThat(r.get("contextId").asText()).isEqualTo(init.get("contextId").asText());
        assertThat(r.at("/outcomes/Summary/0/dataType").asText()).isEqualTo("File");
        assertThat(r.at("/outcomes/Summary/0/value").asText()).isEqualTo("../../evil.txt");
        assertThat(r.at("/outcomes/Label/0/value").asText()).isEqualTo("positive");

        HttpResponse<byte[]> dl = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/api/predict/download/" + requestId + "/..%2F..%2Fevil.txt"))
                .header("Authorization", "Bearer APIKEY@secret").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(dl.statusCode()).isEqualTo(200);
        assertThat(dl.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        String report = new String(dl.body(), StandardCharsets.UTF_8);
        assertThat(report).contains("lines: 2").contains("bytes: " + text.getBytes(StandardCharsets.UTF_8).length)
                .contains("first sentence: Great product, I love it.").contains("product (2)");

        // unknown generated name -> Error; wrong request id -> 404
        JsonNode unknown = Http.json(http.post("/api/predict/text-summary/" + requestId,
                "{\"InputValues\":{\"InputFile\":\"not-uploaded.txt\"}}"));
        assertThat(unknown.get("status").asText()).isEqualTo("Error");
        assertThat(unknown.get("errorMessages").asText()).contains("not-uploaded.txt").contains("upload");
        assertThat(http.post("/api/predict/text-summary/nope", Http.predictBody("{}")).statusCode()).isEqualTo(404);

        EmulatorStats s = emulator.stats();
        assertThat(s.calls(UP, "POST /api/predict/initialize/{modelId}")).isEqualTo(1);
        assertThat(s.calls(UP, "PUT /_emulator/unitypredict/upload/{token}")).isEqualTo(1);
        assertThat(s.calls(UP, "POST /api/predict/{modelId}/{requestId}")).isEqualTo(3);
        assertThat(s.billedUnits(UP)).isEqualTo(2); // initialize, upload, download and the 404 are not billed
    }

    @Test
    void callbackUrlsOnAnyLoopbackPortAreCalledWithTheFinalResponseOthersRefused() throws Exception {
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer app = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/hooks/unitypredict", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        try {
            int port = app.getAddress().getPort();
            for (String host : List.of("127.0.0.1", "localhost")) {
                String url = "http://" + host + ":" + port + "/hooks/unitypredict?token=t1";
                JsonNode first = Http.json(http.post("/api/predict/sentiment-slow",
                        "{\"InputValues\":{\"Text\":\"a great day\"},\"CallbackUrl\":\"" + url + "\"}"));
                assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("Processing");
                String delivery = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(delivery).as("the callback reached the application on port " + port).isNotNull()
                        .startsWith("POST /hooks/unitypredict?token=t1 application/json");
                JsonNode body = Http.MAPPER.readTree(delivery.substring(delivery.indexOf('{')));
                assertThat(body.get("status").asText()).isEqualTo("Completed");
                assertThat(body.get("requestId").asText()).isEqualTo(first.get("requestId").asText());
                assertThat(body.at("/outcomes/Sentiment/0/value").asText()).isEqualTo("positive");
            }
            // the heart-risk model answers at once, and calls back too (its Error as well as its Completed)
            http.post("/api/predict/heart-risk", "{\"InputValues\":{\"Age\":50},\"CallbackUrl\":\"http://127.0.0.1:"
                    + port + "/hooks/unitypredict\"}");
            String error = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(error).isNotNull().contains("\"status\":\"Error\"").contains("Chol");
            assertThat(emulator.stats().calls(UP, "GET /api/predict/status/{requestId}")).isZero();
        } finally {
            app.stop(0);
        }
        for (String foreign : List.of("http://example.com/hook", "http://10.0.0.1:8080/hook", "ftp://127.0.0.1/x",
                "not a url")) {
            HttpResponse<String> refused = http.post("/api/predict/heart-risk",
                    "{\"InputValues\":{\"Age\":50,\"Chol\":200},\"CallbackUrl\":\"" + foreign + "\"}");
            assertThat(refused.statusCode()).as(foreign).isEqualTo(400);
            assertThat(Http.json(refused).get("errorMessages").asText()).contains("CallbackUrl");
        }
    }
}
