package io.camelinference.emulator.deepomatic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls to the emulated Deepomatic API as the official client makes them (X-API-KEY, JSON or DRF-style multipart). */
final class DeepomaticApi {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PREPROCESSING = "{\"inputs\": [{\"tensor_name\": \"input:0\", \"image\": {\"dimension_order\":"
            + " \"NHWC\", \"target_size\": \"299x299\", \"resize_type\": \"CROP\", \"mean_file\": \"mean.proto.bin\","
            + " \"color_channels\": \"BGR\", \"pixel_scaling\": 2.0, \"data_type\": \"FLOAT32\"}}],"
            + " \"batched_output\": true}";

    private final String base;
    private final String key;

    DeepomaticApi(String base, String key) {
        this.base = base;
        this.key = key;
    }

    HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(20)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("X-API-KEY", key);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    HttpResponse<String> json(String method, String path, String json) throws Exception {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null, null);
    }

    /** A multipart/form-data request: text fields, then files (name to content). */
    HttpResponse<String> multipart(String path, Map<String, String> fields, Map<String, byte[]> files)
            throws Exception {
        String boundary = "dm-b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"; filename=\"" + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A network as the client's test creates one: TensorFlow files and the mean file its preprocessing names. */
    JsonNode createNetwork(String name) throws Exception {
        HttpResponse<String> r = multipart("/v0.7/networks/", Map.of("name", name, "framework", "tensorflow-1.x",
                "preprocessing", PREPROCESSING), Map.of("saved_model.pb", new byte[] {1, 2, 3},
                "variables.index", new byte[] {4}, "mean.proto.bin", new byte[] {5, 6}));
        if (r.statusCode() != 201) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
        return read(r);
    }

    /** A private classifier specification with colour labels. */
    JsonNode createSpec(String name, String... labels) throws Exception {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            l.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"").append(labels[i]).append("\"}");
        }
        HttpResponse<String> r = json("POST", "/v0.7/recognition/specs/", "{\"name\":\"" + name + "\",\"outputs\":"
                + "[{\"labels\":{\"roi\":\"NONE\",\"exclusive\":true,\"labels\":[" + l + "]}}]}");
        if (r.statusCode() != 201) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
        return read(r);
    }

    /** A version of the specification on the network, with a classification post-processing. */
    HttpResponse<String> createVersion(Object specId, Object networkId, String postProcessings) throws Exception {
        return json("POST", "/v0.7/recognition/versions/", "{\"spec_id\":" + specId + ",\"network_id\":" + networkId
                + ",\"post_processings\":" + postProcessings + "}");
    }

    static JsonNode read(HttpResponse<String> r) throws IOException {
        return MAPPER.readTree(r.body());
    }
}
