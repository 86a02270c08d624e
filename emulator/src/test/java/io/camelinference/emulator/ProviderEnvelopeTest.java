package io.camelinference.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/** Unknown paths, wrong methods and the malformed fault answer in the shape of the provider that owns the path. */
class ProviderEnvelopeTest {

    static final String KEY = "envelope-key";
    static final String UP_AUTH = "Bearer APIKEY@" + KEY;

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().apiKey(KEY)
            // prefixes of their own: the real providers own /api/predict, /api/v1/datasets, /api/projects...
            .provider(new Stub("wide", "/stub"))
            .provider(new Stub("datasets", "/stub/v1/datasets")));

    Calls calls;

    @BeforeEach
    void client() {
        calls = new Calls(emulator.baseUrl());
    }

    // ------------------------------------------------------------------------------------------------ unknown paths

    @Test
    void unityPredictAnswersUnknownPathsAndWrongMethodsInItsEnvelope() throws Exception {
        JsonNode unknown = expect(404, calls.send("GET", "/api/predict/nothing/here/at/all", null, "Authorization", UP_AUTH));
        assertThat(unknown.get("status").isNull()).isTrue();
        assertThat(unknown.get("errorMessages").asText()).isEqualTo("No route for GET /api/predict/nothing/here/at/all");
        JsonNode wrongMethod = expect(405, calls.send("DELETE", "/api/predict/heart-risk", null));
        assertThat(wrongMethod.get("status").isNull()).isTrue();
        assertThat(wrongMethod.get("errorMessages").asText()).isEqualTo("Method DELETE not allowed on /api/predict/heart-risk");
        // its signed upload links live under the emulator's path, and still answer in its envelope
        assertThat(expect(405, calls.send("GET", "/_emulator/unitypredict/upload/t", null)).has("errorMessages")).isTrue();
    }

    @Test
    void deepomaticAnswersUnknownPathsAndWrongMethodsWithDetail() throws Exception {
        JsonNode unknown = expect(404, calls.send("GET", "/v0.7/recognition/nothing", null, "X-API-KEY", KEY));
        assertThat(unknown.get("detail").asText()).isEqualTo("No route for GET /v0.7/recognition/nothing");
        assertThat(unknown.size()).isEqualTo(1);
        JsonNode wrongMethod = expect(405, calls.send("DELETE", "/v0.7/tasks/", null, "X-API-KEY", KEY));
        assertThat(wrongMethod.get("detail").asText()).isEqualTo("Method DELETE not allowed on /v0.7/tasks/");
        assertThat(expect(404, calls.send("GET", "/_emulator/deepomatic/nothing", null)).has("detail")).isTrue();
    }

    @Test
    void annoLabAnswersUnknownPathsAndWrongMethodsWithMessage() throws Exception {
        JsonNode unknown = expect(404, calls.send("GET", "/v1/nothing", null, "Authorization", "Api-Key " + KEY));
        assertThat(unknown.get("message").asText()).isEqualTo("No route for GET /v1/nothing");
        assertThat(unknown.size()).isEqualTo(1);
        JsonNode wrongMethod = expect(405, calls.send("PUT", "/v1/project/create", "{}"));
        assertThat(wrongMethod.get("message").asText()).isEqualTo("Method PUT not allowed on /v1/project/create");
        assertThat(expect(405, calls.send("POST", "/_emulator/annolab/download/t", null)).has("message")).isTrue();
    }

    @Test
    void pathsUnderNoPrefixGetTheGenericBody() throws Exception {
        for (String path : List.of("/nothing", "/v0.8/tasks", "/v10/project/create", "/_emulator/nothing")) {
            JsonNode body = expect(404, calls.send("GET", path, null));
            assertThat(body.get("error").asText()).as(path).isEqualTo("No route for GET " + path);
            assertThat(body.size()).isEqualTo(1);
        }
        assertThat(expect(405, calls.send("PUT", "/_emulator/stats", null)).get("error").asText())
                .isEqualTo("Method PUT not allowed on /_emulator/stats");
        // unknown paths are not calls of any route
        assertThat(emulator.stats().providers()).isEmpty();
    }

    @Test
    void theLongestMatchingPrefixWins() throws Exception {
        assertThat(expect(404, calls.send("GET", "/stub/v1/datasets/7/items", null)).get("owner").asText())
                .isEqualTo("datasets");
        assertThat(expect(404, calls.send("GET", "/stub/v1/other", null)).get("owner").asText()).isEqualTo("wide");
        assertThat(expect(404, calls.send("GET", "/api/predict/a/b/c/d", null)).has("errorMessages")).isTrue();
    }

    // ------------------------------------------------------------------------------------------------ malformed

    @Test
    void theMalformedFaultAnswersEachProvidersOwnTruncatedBody() throws Exception {
        emulator.faults().add(FaultRule.builder().malformed(true).build());

        HttpResponse<String> up = calls.send("POST", "/api/predict/heart-risk", Http.predictBody("{\"Age\":1,\"Chol\":1}"),
                "Authorization", UP_AUTH);
        assertMalformed(up, "{\"status\":\"Completed\",\"outcomes\":{");

        HttpResponse<String> dm = calls.send("GET", "/v0.7/tasks/1", null, "X-API-KEY", KEY);
        assertMalformed(dm, "{\"task_id\":\"");

        HttpResponse<String> al = calls.send("GET", "/v1/source/1", null, "Authorization", "Api-Key " + KEY);
        assertMalformed(al, "{\"id\":");
        assertThat(al.body()).contains("\"projectName\":");

        assertThat(List.of(up.body(), dm.body(), al.body())).doesNotHaveDuplicates();
    }

    private static void assertMalformed(HttpResponse<String> r, String prefix) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).startsWith(prefix);
        assertThatThrownBy(() -> Calls.json(r)).isInstanceOf(JsonProcessingException.class);
    }

    private static JsonNode expect(int status, HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return Calls.json(r);
    }

    /** A provider with one route and an envelope that names it, to see which owner answered. */
    static final class Stub implements EmulatorProvider {
        private final String name;
        private final String prefix;

        Stub(String name, String prefix) {
            this.name = name;
            this.prefix = prefix;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> pathPrefixes() {
            return List.of(prefix);
        }

        @Override
        public void register(EmulatorContext context) {
            context.route("GET", prefix + "/known", r -> Reply.json(Json.object()));
        }

        @Override
        public Optional<Reply> authenticate(Request request) {
            return Optional.empty();
        }

        @Override
        public ObjectNode errorBody(int status, String message) {
            return Json.object().put("owner", name).put("text", message);
        }
    }
}
