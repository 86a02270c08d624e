package io.camelinference.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.unitypredict.UnityPredictConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;

/**
 * A large file through UnityPredict's file flow (initialize, signed upload link, PUT, predict on {@code text-summary}):
 * the raw HC5 client with a streamed file entity against the component with a File body. Measures MiB/s of the whole
 * flow and the peak heap of the benchmark JVM while it runs.
 */
final class UploadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One upload of one client. {@code putNanos} is the PUT alone (raw only; -1 for the component). */
    record Run(String client, int round, long bytes, long nanos, long putNanos, long heapPeak, long allocated) {

        double mibPerSecond() {
            return Stats.mib(bytes) / (nanos / 1e9);
        }

        double putMibPerSecond() {
            return putNanos < 0 ? Double.NaN : Stats.mib(bytes) / (putNanos / 1e9);
        }
    }

    private final EmulatorProcess emulator;
    private final long bytes;
    private final int rounds;
    private final List<Run> runs = new ArrayList<>();

    UploadBenchmark(EmulatorProcess emulator, long bytes, int rounds) {
        this.emulator = emulator;
        this.bytes = bytes;
        this.rounds = rounds;
    }

    List<Run> measure() throws Exception {
        Path dir = Files.createTempDirectory("benchmark-upload-");
        CloseableHttpAsyncClient raw = RawClient.start(4);
        try (CamelHarness camel = new CamelHarness(emulator.baseUrl())) {
            Path big = writeTextFile(dir.resolve("big.txt"), bytes);
            Path small = writeTextFile(dir.resolve("warmup.txt"), Math.min(bytes, 32L << 20));
            AsyncProducer producer = camel.producer(
                    "unitypredict:predict?modelId=text-summary&fileInputName=InputFile&responseTimeout=600000");
            // JIT warm-up of both paths on a small file
            for (int i = 0; i < 3; i++) {
                rawUpload(raw, small.toFile());
                componentUpload(camel, producer, small.toFile());
            }
            emulator.reset();
            for (int round = 1; round <= rounds; round++) {
                boolean rawFirst = round % 2 == 1;
                for (int i = 0; i < 2; i++) {
                    boolean isRaw = (i == 0) == rawFirst;
                    Run run = isRaw ? measured("raw HC5", round, () -> rawUpload(raw, big.toFile()))
                            : measured("component", round, () -> componentUpload(camel, producer, big.toFile()));
                    emulator.reset();
                    runs.add(run);
                    System.out.printf("  %-9s round %d: %7.1f MiB/s (PUT alone %s), heap peak %6.1f MiB, allocated %7.1f MiB%n",
                            run.client(), round, run.mibPerSecond(),
                            run.putNanos() < 0 ? "n/a" : String.format("%.1f MiB/s", run.putMibPerSecond()),
                            Stats.mib(run.heapPeak()), Stats.mib(run.allocated()));
                }
            }
            return runs;
        } finally {
            raw.close(CloseMode.GRACEFUL);
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private interface Upload {
        /** Runs one whole flow; returns the nanoseconds of the PUT alone, or -1 when not known. */
        long run() throws Exception;
    }

    private Run measured(String client, int round, Upload upload) throws Exception {
        JvmProbe.resetHeapPeaks();
        Map<Long, Long> allocated = JvmProbe.allocatedPerThread();
        long t0 = System.nanoTime();
        long putNanos = upload.run();
        long nanos = System.nanoTime() - t0;
        return new Run(client, round, bytes, nanos, putNanos, JvmProbe.heapPeak(), JvmProbe.allocatedSince(allocated));
    }

    /** initialize, upload link, streamed PUT of the file, predict: what a careful HC5 caller writes by hand. */
    private long rawUpload(CloseableHttpAsyncClient client, File file) throws Exception {
        String base = emulator.baseUrl() + "/api/predict";
        JsonNode init = json(call(client, SimpleRequestBuilder.post(base + "/initialize/text-summary")));
        String requestId = init.path("requestId").asText();
        JsonNode link = json(call(client, SimpleRequestBuilder.get(base + "/upload/" + requestId + "/" + file.getName())));

        long t0 = System.nanoTime();
        BasicRequestProducer put = new BasicRequestProducer(Method.PUT, URI.create(link.path("uploadLink").asText()),
                AsyncEntityProducers.create(file, ContentType.TEXT_PLAIN));
        SimpleHttpResponse uploaded = client.execute(put, SimpleResponseConsumer.create(), null)
                .get(10, TimeUnit.MINUTES);
        long putNanos = System.nanoTime() - t0;
        check(uploaded, "PUT upload link");

        String body = "{\"InputValues\":{\"InputFile\":" + JSON.writeValueAsString(link.path("fileName").asText()) + "}}";
        JsonNode predicted = json(call(client, SimpleRequestBuilder.post(base + "/text-summary/" + requestId)
                .setBody(body, ContentType.APPLICATION_JSON)));
        if (!"Completed".equals(predicted.path("status").asText())) {
            throw new IllegalStateException("raw predict did not complete: " + predicted);
        }
        return putNanos;
    }

    private static SimpleHttpResponse call(CloseableHttpAsyncClient client, SimpleRequestBuilder builder)
            throws Exception {
        SimpleHttpRequest request = builder.setHeader("Authorization", RawClient.AUTHORIZATION).build();
        SimpleHttpResponse response = client.execute(SimpleRequestProducer.create(request),
                SimpleResponseConsumer.create(), null).get(10, TimeUnit.MINUTES);
        return check(response, request.getMethod() + " " + request.getPath());
    }

    private static SimpleHttpResponse check(SimpleHttpResponse response, String what) {
        if (response.getCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.getCode() + ": " + response.getBodyText());
        }
        return response;
    }

    private static JsonNode json(SimpleHttpResponse response) throws IOException {
        return JSON.readTree(response.getBodyBytes());
    }

    private static long componentUpload(CamelHarness camel, AsyncProducer producer, File file) throws Exception {
        Exchange exchange = camel.exchange(file);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        producer.process(exchange, doneSync -> done.complete(exchange));
        done.get(10, TimeUnit.MINUTES);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        if (!"Completed".equals(exchange.getMessage().getHeader(UnityPredictConstants.STATUS))) {
            throw new IllegalStateException("component predict did not complete: "
                    + exchange.getMessage().getHeader(UnityPredictConstants.STATUS));
        }
        return -1;
    }

    /** Text the summary model can read: the same sentence over and over, to the exact size. */
    static Path writeTextFile(Path file, long size) throws IOException {
        byte[] line = "lorem ipsum dolor sit amet great results every quarter\n".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[line.length * 1024];
        for (int i = 0; i < 1024; i++) {
            System.arraycopy(line, 0, chunk, i * line.length, line.length);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            long written = 0;
            while (written < size) {
                int n = (int) Math.min(chunk.length, size - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }
        return file;
    }
}
