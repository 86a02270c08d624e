package io.camelinference.emulator.annolab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.EmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Calls to the emulated AnnoLab as the official SDK makes them (its ApiHelper: {@code Api-Key}, JSON, no retries). */
final class AnnoLabCalls {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final EmulatorExtension emulator;
    private final String key;

    AnnoLabCalls(EmulatorExtension emulator, String key) {
        this.emulator = emulator;
        this.key = key;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, "Api-Key " + key);
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, MAPPER.writeValueAsString(body), "Api-Key " + key);
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null, "Api-Key " + key);
    }

    /** A 2xx answer's JSON; fails the test with the answer otherwise. */
    JsonNode ok(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri() + ": " + r.body())
                .isBetween(200, 299);
        return json(r);
    }

    /** The AnnoLab error message of an answer with that status. */
    String error(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.has("message")).as("AnnoLab's envelope {message}: " + r.body()).isTrue();
        assertThat(body.has("error")).isFalse();
        return body.get("message").asText();
    }

    HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                        : emulator.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The SDK's create_text_source: no directory unless given. */
    long text(String group, String project, String name, String text) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectIdentifier", project);
        body.put("groupName", group);
        body.put("sourceName", name);
        body.put("text", text);
        return ok(post("/v1/source/create-text", body)).get("id").asLong();
    }

    /** The SDK's create_pdf_source: init-pdf, PUT to the signed URL, create-pdf with the extra params given. */
    JsonNode pdf(String group, Object project, String directory, String name, Path file, Map<String, Object> params)
            throws Exception {
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("projectIdentifier", project);
        init.put("groupName", group);
        init.put("directoryIdentifier", directory);
        init.put("sourceName", name);
        init.put("metadata", null);
        String uploadUrl = ok(post("/v1/source/init-pdf", init)).get("uploadUrl").asText();
        HttpResponse<String> put = CLIENT.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("projectIdentifier", project);
        create.put("groupName", group);
        create.put("directoryIdentifier", directory);
        create.put("sourceIdentifier", name);
        create.put("preprocessor", "none");
        create.put("ocr", false);
        create.putAll(params);
        return ok(post("/v1/source/create-pdf", create));
    }

    /** The SDK's export: start, poll the status URL, download the zip; its entries by name. */
    Map<String, byte[]> export(Map<String, Object> body) throws Exception {
        HttpResponse<String> started = post("/v1/export/project", body);
        String statusUrl = ok(started).get("exportStatusUrl").asText();
        JsonNode status = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> json(get(statusUrl)), s -> List.of("finished", "errored")
                        .contains(s.get("status").asText()));
        assertThat(status.get("status").asText()).isEqualTo("finished");
        HttpResponse<byte[]> zip = CLIENT.send(HttpRequest.newBuilder(URI.create(status.get("downloadUrl").asText()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The entry whose name ends so, e.g. {@code .annotations.jsonl}, as JSON lines. */
    static List<JsonNode> jsonl(Map<String, byte[]> zip, String suffix) throws IOException {
        List<String> names = zip.keySet().stream().filter(n -> !n.contains("/") && n.endsWith(suffix)).toList();
        assertThat(names).as("one root entry *" + suffix + " in " + zip.keySet()).hasSize(1);
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(zip.get(names.get(0)), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(MAPPER.readTree(line));
            }
        }
        return out;
    }

    static String path(String... segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            b.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return MAPPER.readTree(r.body());
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
