package io.camelinference.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs with -Xmx64m (see the pom): a 256 MiB upload only works when the emulator streams it. */
class StreamingUploadTest {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    static final long SIZE = 256L * 1024 * 1024;

    @Test
    void largeUploadIsStreamedAndSummarised() throws Exception {
        Http http = new Http(emulator.baseUrl(), emulator.apiKey());
        String requestId = Http.json(http.post("/api/predict/initialize/text-summary", null)).get("requestId").asText();
        JsonNode link = Http.json(http.get("/api/predict/upload/" + requestId + "/big.txt"));

        byte[] line = "The support was excellent and I love the new version.\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(link.get("uploadLink").asText()))
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> generated(line, SIZE)), SIZE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        JsonNode r = Http.json(http.post("/api/predict/text-summary/" + requestId,
                "{\"InputValues\":{\"InputFile\":\"" + link.get("fileName").asText() + "\"}}"));
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("Completed");
        assertThat(r.at("/outcomes/Summary/0/value").asText()).isEqualTo("summary.txt");
        String report = http.get("/api/predict/download/" + requestId + "/summary.txt").body();
        assertThat(report).contains("bytes: " + SIZE).contains("top words (first 16 MiB)");
    }

    @Test
    void manySmallRequestsOnOneConnectionAreFast() throws Exception {
        // guards TCP_NODELAY: without it each answer on a kept-alive connection stalls ~40 ms
        Http http = new Http(emulator.baseUrl(), emulator.apiKey());
        http.get("/_emulator/health");
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":50,\"Chol\":" + (150 + i) + "}"))
                    .statusCode()).isEqualTo(200);
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
    }

    private static InputStream generated(byte[] line, long size) {
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                return pos < size ? line[(int) (pos++ % line.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) ((pos + i) % line.length)];
                }
                pos += n;
                return n;
            }
        };
    }
}
