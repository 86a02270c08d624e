package io.camelinference.annolab;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelinference.common.error.InferenceException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exportStatusUrl on another host than the configured baseUrl is not followed: it would carry the API key there.
 * A small AnnoLab stand-in names a status URL on a second server, which must receive nothing.
 */
class AnnoLabExportUrlTest extends CamelTestSupport {

    private static final String KEY = "key-for-the-service-only";

    private HttpServer service;
    private HttpServer foreign;
    private final List<String> foreignRequests = new CopyOnWriteArrayList<>();
    private final List<String> serviceRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void servers() throws IOException {
        foreign = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        foreign.createContext("/", e -> {
            foreignRequests.add(e.getRequestMethod() + " " + e.getRequestURI() + " "
                    + e.getRequestHeaders().getFirst("Authorization"));
            answer(e, 200, "{\"status\":\"finished\",\"downloadUrl\":\"http://127.0.0.1:1/x.zip\"}");
        });
        foreign.start();
        String statusUrl = "http://127.0.0.1:" + foreign.getAddress().getPort() + "/v1/export/status/9";
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", e -> {
            String call = e.getRequestMethod() + " " + e.getRequestURI().getPath();
            serviceRequests.add(call);
            e.getRequestBody().readAllBytes();
            switch (call) {
                case "POST /v1/infer/batch" -> answer(e, 200, "{\"inferenceJobId\":7,\"status\":\"Queued\","
                        + "\"outputLayerName\":\"Predictions\",\"sourceIds\":[1]}");
                case "GET /v1/infer/batch/7" -> answer(e, 200, "{\"inferenceJobId\":7,\"status\":\"Finished\","
                        + "\"sourceIds\":[1]}");
                case "POST /v1/export/project" -> answer(e, 201, "{\"exportStatusUrl\":\"" + statusUrl + "\","
                        + "\"exportJob\":{\"id\":9,\"status\":\"initialized\"}}");
                default -> answer(e, 404, "{\"message\":\"not here\"}");
            }
        });
        service.start();
    }

    @AfterEach
    void stopServers() {
        service.stop(0);
        foreign.stop(0);
    }

    private static void answer(HttpExchange e, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", "application/json");
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    private String options() {
        return "groupName=demo&projectIdentifier=contracts&pollInitialDelay=10&baseUrl=http://127.0.0.1:"
                + service.getAddress().getPort() + "&apiKey=" + KEY;
    }

    @Test
    void aForeignExportStatusUrlFailsClearlyAndTheForeignHostReceivesNothing() {
        Exchange infer = template.request("annolab:infer?modelIdentifier=101&outputLayerIdentifier=Predictions&"
                + options(), e -> e.getMessage().setBody(List.of(1L)));
        Exchange export = template.request("annolab:export?" + options(), e -> e.getMessage().setBody(List.of(1L)));

        for (Exchange out : List.of(infer, export)) {
            assertThat(out.getException()).isExactlyInstanceOf(InferenceException.class)
                    .hasMessageContaining("exportStatusUrl on http://127.0.0.1:" + foreign.getAddress().getPort())
                    .hasMessageContaining("outside the configured baseUrl")
                    .hasMessageContaining("nothing was sent to that host")
                    .hasMessageNotContaining(KEY);
        }
        assertThat(infer.getMessage().getHeader(AnnoLabConstants.JOB_ID, Long.class)).isEqualTo(7L);
        assertThat(foreignRequests).isEmpty();
        assertThat(serviceRequests).containsExactly("POST /v1/infer/batch", "GET /v1/infer/batch/7",
                "POST /v1/export/project", "POST /v1/export/project");
    }
}
