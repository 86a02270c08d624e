package io.camelinference.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.InferenceEmulator;

/**
 * The emulator as a separate JVM, so that the benchmark JVM's CPU time and heap are the client's alone. It runs from
 * the same {@code lib/} folder as the benchmark (the emulator jar and its dependencies are copied there by the build).
 * Control calls (stats, reset) use {@link HttpURLConnection}: no background threads in the measured JVM.
 */
final class EmulatorProcess implements AutoCloseable {

    static final String API_KEY = "benchmark-key";
    static final String STATUS_ROUTE = "GET /api/predict/status/{requestId}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String baseUrl;
    private final String version;
    private final String command;

    private EmulatorProcess(Process process, String baseUrl, String version, String command) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.version = version;
        this.command = command;
    }

    /** An emulator another benchmark JVM started (a forked scenario's view of its parent's emulator). */
    static EmulatorProcess attach(String baseUrl) {
        return new EmulatorProcess(null, baseUrl, "attached", "(started by the parent benchmark JVM)");
    }

    /** Starts the emulator on a free port and waits until it prints its base URL. */
    static EmulatorProcess start(long slowModelMillis) throws IOException {
        Path jar = jarOf(InferenceEmulator.class);
        String classPath = jar.getParent().resolve("*").toString();
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, InferenceEmulator.class.getName(),
                "--port", "0", "--api-key", API_KEY, "--slow-model-millis", Long.toString(slowModelMillis));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("http://")) {
            p.destroyForcibly();
            throw new IOException("the emulator did not start; it printed: " + first);
        }
        String version = InferenceEmulator.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = jar.getFileName().toString();
        }
        String shown = "java -cp " + classPath + " " + InferenceEmulator.class.getName() + " --port 0 --api-key "
                + API_KEY + " --slow-model-millis " + slowModelMillis;
        return new EmulatorProcess(p, first.trim(), version, shown);
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String version() {
        return version;
    }

    String command() {
        return command;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** One provider's section of {@code GET /_emulator/stats}. */
    JsonNode stats(String provider) {
        return call("GET", "/_emulator/stats").path("providers").path(provider);
    }

    /** The UnityPredict section of {@code GET /_emulator/stats}. */
    JsonNode unityPredictStats() {
        return stats("unitypredict");
    }

    long statusCalls() {
        return unityPredictStats().path("calls").path(STATUS_ROUTE).asLong();
    }

    /** Calls of one route (e.g. {@code "GET /api/predict/status/{requestId}"}) since the last reset. */
    static long calls(JsonNode providerStats, String route) {
        return providerStats.path("calls").path(route).asLong();
    }

    /** The most calls of the route the emulator received within any one second since the last reset. */
    static long peakPerSecond(JsonNode providerStats, String route) {
        return providerStats.path("peakPerSecond").path(route).asLong();
    }

    /** Forgets jobs, uploads and counters, so that one measurement does not leave work for the next. */
    void reset() {
        call("POST", "/_emulator/reset");
    }

    private JsonNode call(String method, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            c.setRequestMethod(method);
            if ("POST".equals(method)) {
                c.setDoOutput(true);
                try (OutputStream o = c.getOutputStream()) {
                    o.write(new byte[0]);
                }
            }
            try (InputStream in = c.getInputStream()) {
                byte[] body = in.readAllBytes();
                return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("emulator control call " + method + " " + path + " failed", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return; // attached: its owner stops it
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

}
