package io.camelinference.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Each provider's one auth hook: it refuses a missing or wrong key before the handler runs (nothing billed, nothing
 * created), in the provider's own status and envelope, and is never asked about public routes.
 */
class AuthHookTest {

    static final String KEY = "hook-key";
    static final Counting COUNTING = new Counting();

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().apiKey(KEY)
            .slowModelMillis(60).provider(COUNTING));

    Calls calls;

    @BeforeEach
    void client() {
        calls = new Calls(emulator.baseUrl());
        COUNTING.authentications.set(0);
    }

    @Test
    void unityPredictRefusesAMissingOrWrongBearerKeyAndLetsTheUploadLinkThrough() throws Exception {
        String body = Http.predictBody("{\"Age\":50,\"Chol\":200}");
        for (String[] headers : List.of(new String[0], new String[] {"Authorization", "Bearer APIKEY@nope"},
                new String[] {"Authorization", "Bearer " + KEY}, new String[] {"X-API-KEY", KEY})) {
            HttpResponse<String> r = calls.send("POST", "/api/predict/heart-risk", body, headers);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(Calls.json(r).get("errorMessages").asText()).isEqualTo("Authentication of the API key failed.");
            assertThat(r.body()).doesNotContain("nope");
        }
        assertThat(emulator.stats().billedUnits("unitypredict")).isZero();
        assertThat(emulator.stats().jobs("unitypredict")).isEmpty();

        String auth = "Bearer APIKEY@" + KEY;
        String requestId = Calls.json(calls.send("POST", "/api/predict/initialize/text-summary", null,
                "Authorization", auth)).get("requestId").asText();
        String link = Calls.json(calls.send("GET", "/api/predict/upload/" + requestId + "/a.txt", null,
                "Authorization", auth)).get("uploadLink").asText();
        // the signed link is the authorisation: no key, or any other header, is fine
        assertThat(calls.send("PUT", link, "text", "Authorization", "Bearer something-else").statusCode()).isEqualTo(200);
    }

    @Test
    void deepomaticRefusesAMissingOrWrongApiKeyAndServesSampleImagesToAnyone() throws Exception {
        String inference = "/v0.7/recognition/public/dominant-color-v1/inference";
        String body = "{\"inputs\":[{\"image\":{\"source\":\"" + emulator.baseUrl()
                + "/_emulator/deepomatic/images/red-apple.png\"}}]}";
        JsonNode none = expect401(calls.send("POST", inference, body));
        assertThat(none.get("detail").asText()).isEqualTo("Authentication credentials not provided.");
        JsonNode wrong = expect401(calls.send("POST", inference, body, "X-API-KEY", "nope"));
        assertThat(wrong.get("detail").asText()).isEqualTo("Incorrect authentication credentials.");
        JsonNode otherScheme = expect401(calls.send("POST", inference, body, "Authorization", "Token " + KEY));
        assertThat(otherScheme.get("detail").asText()).isEqualTo("Authentication credentials not provided.");
        assertThat(emulator.stats().billedUnits("deepomatic")).isZero();
        assertThat(emulator.stats().calls("deepomatic", "POST /v0.7/recognition/public/{specId}/inference")).isEqualTo(3);

        assertThat(calls.send("POST", inference, body, "X-API-KEY", KEY).statusCode()).isEqualTo(200);
        HttpResponse<String> image = calls.send("GET", "/_emulator/deepomatic/images/red-apple.png", null);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(calls.send("GET", "/_emulator/deepomatic/images", null, "X-API-KEY", "nope").statusCode())
                .isEqualTo(200);
    }

    @Test
    void annoLabRefusesAMissingOrWrongApiKeyAndLetsSignedUrlsThrough() throws Exception {
        String create = "{\"projectIdentifier\":\"contracts\",\"groupName\":\"demo\",\"sourceName\":\"a.txt\","
                + "\"text\":\"Initech\"}";
        assertThat(expect401(calls.send("POST", "/v1/source/create-text", create)).get("message").asText())
                .contains("Api-Key");
        assertThat(expect401(calls.send("POST", "/v1/source/create-text", create, "Authorization", "Api-Key nope"))
                .get("message").asText()).isEqualTo("Invalid API key");
        assertThat(expect401(calls.send("POST", "/v1/source/create-text", create, "Authorization", "Bearer " + KEY))
                .get("message").asText()).contains("Unsupported authorization scheme");
        // refused before the handler: the source was not created, so creating it now is no duplicate
        String auth = "Api-Key " + KEY;
        assertThat(calls.send("POST", "/v1/source/create-text", create, "Authorization", auth).statusCode())
                .isEqualTo(200);

        String statusUrl = Calls.json(calls.send("POST", "/v1/export/project",
                "{\"projectIdentifier\":\"contracts\",\"groupName\":\"demo\"}", "Authorization", auth))
                .get("exportStatusUrl").asText();
        JsonNode status = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> Calls.json(calls.send("GET", statusUrl, null, "Authorization", auth)),
                        s -> s.get("status").asText().equals("finished"));
        String download = status.get("downloadUrl").asText();
        HttpResponse<String> zip = calls.send("GET", download, null);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        // a signed URL refuses a second authorisation, like S3
        HttpResponse<String> withKey = calls.send("GET", download, null, "Authorization", auth);
        assertThat(withKey.statusCode()).isEqualTo(400);
        assertThat(Calls.json(withKey).get("message").asText()).contains("Only one auth mechanism");
    }

    @Test
    void theHookRunsOnceForEveryAuthenticatedCallAndNeverForPublicRoutes() throws Exception {
        assertThat(calls.send("GET", "/counting/private", null).statusCode()).isEqualTo(403);
        assertThat(Calls.json(calls.send("GET", "/counting/private", null)).get("refused").asBoolean()).isTrue();
        assertThat(calls.send("GET", "/counting/private", null, "X-Pass", "yes").statusCode()).isEqualTo(200);
        assertThat(COUNTING.authentications.get()).isEqualTo(3);
        assertThat(calls.send("GET", "/counting/public", null).statusCode()).isEqualTo(200);
        assertThat(COUNTING.authentications.get()).isEqualTo(3);
        // a replaced answer does not run the route, so it does not authenticate either
        emulator.faults().add(FaultRule.builder().provider("counting").status(503).count(1).build());
        assertThat(calls.send("GET", "/counting/private", null).statusCode()).isEqualTo(503);
        assertThat(COUNTING.authentications.get()).isEqualTo(3);
    }

    private static JsonNode expect401(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.body()).doesNotContain(KEY);
        return Calls.json(r);
    }

    /** Counts the dispatcher's calls of its hook; refuses with 403 unless {@code X-Pass: yes}. */
    static final class Counting implements EmulatorProvider {
        final AtomicInteger authentications = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void register(EmulatorContext context) {
            context.route("GET", "/counting/private", r -> Reply.json(Json.object().put("private", true)));
            context.publicRoute("GET", "/counting/public", r -> Reply.json(Json.object().put("public", true)));
        }

        @Override
        public Optional<Reply> authenticate(Request request) {
            authentications.incrementAndGet();
            return "yes".equals(request.header("X-Pass")) ? Optional.empty()
                    : Optional.of(Reply.json(403, Json.object().put("refused", true)));
        }
    }
}
