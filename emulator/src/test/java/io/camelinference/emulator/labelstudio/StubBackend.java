package io.camelinference.emulator.labelstudio;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** An ML backend for the tests: records what Label Studio sends and answers what each test sets per path. */
final class StubBackend implements AutoCloseable {

    record Answer(int status, String body, long delayMillis) {
    }

    record Call(String method, String path, JsonNode body, String authorization) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Function<JsonNode, Answer>> answers = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    StubBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        answer("/health", b -> new Answer(200, "{\"status\":\"UP\",\"model_class\":\"Stub\"}", 0));
        answer("/setup", b -> new Answer(200, "{\"model_version\":\"stub-1\"}", 0));
        answer("/webhook", b -> new Answer(201, "{\"status\":\"ok\",\"result\":null}", 0));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String path, Function<JsonNode, Answer> answer) {
        answers.put(path, answer);
    }

    long count(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).count();
    }

    Call last(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).reduce((a, b) -> b).orElseThrow();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] in = ex.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : MAPPER.readTree(in);
        String path = ex.getRequestURI().getPath();
        calls.add(new Call(ex.getRequestMethod(), path, body, ex.getRequestHeaders().getFirst("Authorization")));
        Function<JsonNode, Answer> f = answers.get(path);
        Answer a = f == null ? new Answer(404, "Not Found", 0) : f.apply(body);
        if (a.delayMillis() > 0) {
            try {
                Thread.sleep(a.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        try (OutputStream os = ex.getResponseBody()) {
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            os.write(out);
        } catch (IOException closedByTimeout) {
            // Label Studio gave up waiting: nobody reads the answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
