package io.camelinference.emulator.labelstudio;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.internal.DaemonThreads;
import io.camelinference.emulator.internal.Json;

/**
 * Label Studio's calls to ML backends ({@code ml/api_connector.py}): JSON over HTTP with a connection timeout and a
 * read timeout per call, HTTP Basic auth when the backend has credentials, connection failures tried twice more (the
 * {@code HTTPAdapter(max_retries=2)}), and every failure turned into an error result rather than an exception, with
 * the text {@code requests} would give. A JDK client is enough here: these calls are few and the emulator's own.
 */
final class BackendCalls implements AutoCloseable {

    private static final int CONNECT_RETRIES = 2;

    /** Where and how to reach a backend. */
    record Target(String url, String user, String password) {
        static Target of(MlBackendRecord b) {
            return new Target(b.url, b.basicAuthUser, b.basicAuthPass);
        }
    }

    /** What a call gave: the HTTP status (0 when none came), the JSON answer, or an error message. */
    record Result(int status, JsonNode response, String error) {
        boolean isError() {
            return error != null;
        }
    }

    private final LabelStudioSettings settings;
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("labelstudio-ml-calls"));
    private volatile HttpClient client;
    private volatile Duration clientConnectTimeout;

    BackendCalls(LabelStudioSettings settings) {
        this.settings = settings;
    }

    Result get(Target target, String path, Duration timeout) {
        return call(target, "GET", path, null, timeout);
    }

    Result post(Target target, String path, JsonNode body, Duration timeout) {
        return call(target, "POST", path, body, timeout);
    }

    private Result call(Target target, String method, String path, JsonNode body, Duration timeout) {
        String url = target.url().endsWith("/") ? target.url() + path : target.url() + "/" + path;
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("User-Agent", "heartex/" + LsErrors.VERSION)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        } catch (IllegalArgumentException e) {
            return new Result(0, null, "Invalid URL '" + url + "': " + e.getMessage());
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (target.user() != null && !target.user().isEmpty() && target.password() != null
                && !target.password().isEmpty()) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((target.user() + ":"
                    + target.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest request = b.build();
        for (int attempt = 0; ; attempt++) {
            try {
                return answer(url, client().send(request, HttpResponse.BodyHandlers.ofByteArray()));
            } catch (ConnectException | HttpConnectTimeoutException e) {
                if (attempt >= CONNECT_RETRIES) {
                    return new Result(0, null, "HTTPConnectionPool(" + hostPort(url) + "): Max retries exceeded with"
                            + " url: /" + path + " (Caused by NewConnectionError: Failed to establish a new connection:"
                            + " " + (e instanceof HttpConnectTimeoutException ? "connect timeout="
                            + seconds(settings.connectTimeout()) : "Connection refused") + ")");
                }
            } catch (HttpTimeoutException e) {
                return new Result(0, null, "HTTPConnectionPool(" + hostPort(url) + "): Read timed out. (read timeout="
                        + seconds(timeout) + ")");
            } catch (IOException e) {
                return new Result(0, null, "Connection aborted: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(0, null, "Interrupted while calling " + url);
            }
        }
    }

    private static Result answer(String url, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 400) {
            String kind = status >= 500 ? "Server Error" : "Client Error";
            return new Result(status, null, status + " " + kind + " for url: " + url + (text.isBlank() ? "" : " "
                    + text.strip()));
        }
        try {
            return new Result(status, Json.MAPPER.readTree(response.body()), null);
        } catch (IOException e) {
            return new Result(status, null, "Expecting value: the answer of " + url + " is not JSON");
        }
    }

    private HttpClient client() {
        Duration connect = settings.connectTimeout();
        HttpClient c = client;
        if (c == null || !connect.equals(clientConnectTimeout)) {
            synchronized (this) {
                if (client == null || !connect.equals(clientConnectTimeout)) {
                    client = HttpClient.newBuilder().connectTimeout(connect).executor(executor)
                            .version(HttpClient.Version.HTTP_1_1).build();
                    clientConnectTimeout = connect;
                }
                c = client;
            }
        }
        return c;
    }

    private static String hostPort(String url) {
        try {
            URI u = URI.create(url);
            return "host='" + u.getHost() + "', port=" + u.getPort();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String seconds(Duration d) {
        return String.valueOf(d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
