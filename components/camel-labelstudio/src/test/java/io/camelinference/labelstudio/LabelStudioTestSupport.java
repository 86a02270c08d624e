package io.camelinference.labelstudio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.json.Json;
import io.camelinference.common.test.ComponentTestSupport;

/**
 * Runs routes against the in-process emulator's Label Studio (see {@link ComponentTestSupport}): the token comes from
 * the LABEL_STUDIO_API_KEY environment variable surefire sets (a legacy token), which exercises the env fallback.
 */
abstract class LabelStudioTestSupport extends ComponentTestSupport {

    static final String TEXT_CONFIG = "<View><Text name=\"text\" value=\"$text\"/>"
            + "<Choices name=\"sentiment\" toName=\"text\"><Choice value=\"Positive\"/><Choice value=\"Negative\"/>"
            + "</Choices><Labels name=\"entities\" toName=\"text\"><Label value=\"Organization\"/><Label value=\"Date\"/>"
            + "</Labels></View>";
    static final String IMAGE_CONFIG = "<View><Image name=\"image\" value=\"$image\"/><RectangleLabels name=\"boxes\""
            + " toName=\"image\"><Label value=\"Red\"/><Label value=\"Blue\"/></RectangleLabels></View>";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected InferenceComponentSupport newComponent() {
        return new LabelStudioComponent();
    }

    @Override
    protected String apiPath() {
        return "";
    }

    /** Calls the emulator directly, as a person would with curl (Token auth, or none for public routes). */
    JsonNode call(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator().baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Token " + emulator().apiKey())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
    }

    /** Shorter timeouts or token lifetimes for one test (milliseconds), through the emulator's control API. */
    void labelStudioSettings(String json) throws Exception {
        call("POST", "/_emulator/labelstudio/settings", json);
    }

    long createProject(String config) {
        return template.requestBody("labelstudio:create-project", java.util.Map.of("title", "t", "label_config", config),
                io.camelinference.labelstudio.model.Project.class).id();
    }
}
