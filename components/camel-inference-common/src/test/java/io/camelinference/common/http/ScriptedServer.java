package io.camelinference.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP server for engine tests: each test scripts the answers; every request is recorded (method, URI,
 * headers, body size and SHA-256, read as a stream so large uploads cost no heap).
 */
final class ScriptedServer implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    record Recorded(String method, String uri, com.sun.net.httpserver.Headers headers, long bodySize, String sha256,
                    String bodyText) {
    }

    interface Script {
        void answer(HttpExchange exchange, int callNumber) throws IOException;
    }

    private final HttpServer server;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Script script = (ex, n) -> reply(ex, 200, "{}");

    ScriptedServer() throws IOException {
        this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    ScriptedServer(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try {
                Recorded r = record(exchange);
                requests.add(r);
                script.answer(exchange, requests.size());
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    static ScriptedServer https(javax.net.ssl.SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(context));
        return new ScriptedServer(server);
    }

    private static Recorded record(HttpExchange exchange) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long size = 0;
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                if (size < 4096) {
                    text.append(new String(buffer, 0, (int) Math.min(n, 4096 - size), StandardCharsets.UTF_8));
                }
                size += n;
            }
        }
        return new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders(), size, HexFormat.of().formatHex(sha.digest()), text.toString());
    }

    void script(Script script) {
        this.script = script;
    }

    static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    int count() {
        return requests.size();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
