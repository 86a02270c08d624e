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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Large files through UnityPredict's file flow (initialize, signed upload link, PUT, predict on {@code text-summary}),
 * several at once: the raw HC5 client with a streamed file entity against the component with a File body. Runs in a
 * JVM of its own with a small heap (see {@link Fork}). Measures MiB/s of the whole flows and the peak heap.
 */
final class UploadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One round of one client: {@code concurrent} uploads at once. {@code putNanos}: the slowest PUT (raw only). */
    record Run(String client, int round, long bytes, long nanos, long putNanos, long heapPeak, long allocated) {

        double mibPerSecond() {
            return Stats.mib(bytes) / (nanos / 1e9);
        }


    }

    private final EmulatorProcess emulator;
    private final long fileBytes;
    private final int concurrent;
    private final int rounds;
    private final List<Run> runs = new ArrayList<>();

    UploadBenchmark(EmulatorProcess emulator, long fileBytes, int concurrent, int rounds) {
        this.emulator = emulator;
        this.fileBytes = fileBytes;
        this.concurrent = concurrent;
        this.rounds = rounds;
    }

    List<Run> measure() throws Exception {
        Path dir = Files.createTempDirectory("benchmark-upload-");
        CloseableHttpAsyncClient raw = RawClient.start(concurrent * 2);
        ExecutorService rawCallers = Executors.newFixedThreadPool(concurrent);
        try (CamelHarness camel = new CamelHarness(emulator.baseUrl())) {
            // every upload reads the same file: what is measured is the client's streaming, not the page cache
            Path big = writeTextFile(dir.resolve("big.txt"), fileBytes);
            Path small = writeTextFile(dir.resolve("warmup.txt"), Math.min(fileBytes, 32L << 20));
            AsyncProducer producer = camel.producer("unitypredict:predict?modelId=text-summary&fileInputName=InputFile"
                    + "&responseTimeout=600000&maxConnections=" + (concurrent * 2));
            // JIT warm-up of both paths on a small file
            for (int i = 0; i < 3; i++) {
                rawUploads(raw, rawCallers, small.toFile(), concurrent);
                componentUploads(camel, producer, small.toFile(), concurrent);
            }
            emulator.reset();
            for (int round = 1; round <= rounds; round++) {
                boolean rawFirst = round % 2 == 1;
                for (int i = 0; i < 2; i++) {
                    boolean isRaw = (i == 0) == rawFirst;
                    Run run = isRaw ? measured("raw HC5", round, () -> rawUploads(raw, rawCallers, big.toFile(),
                            concurrent)) : measured("component", round, () -> componentUploads(camel, producer,
                            big.toFile(), concurrent));
                    emulator.reset();
                    runs.add(run);
                    System.out.printf("  %-9s round %d: %d x %d MiB at once, %7.1f MiB/s in all, heap peak %6.1f MiB,"
                                    + " allocated %7.1f MiB%n", run.client(), round, concurrent, fileBytes >> 20,
                            run.mibPerSecond(), Stats.mib(run.heapPeak()), Stats.mib(run.allocated()));
                }
            }
            return runs;
        } finally {
            rawCallers.shutdownNow();
            raw.close(CloseMode.GRACEFUL);
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private interface Uploads {
        /** Runs the flows; returns the nanoseconds of the slowest PUT, or -1 when not known. */
        long run() throws Exception;
    }

    private Run measured(String client, int round, Uploads uploads) throws Exception {
        JvmProbe.resetHeapPeaks();
        Map<Long, Long> allocated = JvmProbe.allocatedPerThread();
        long t0 = System.nanoTime();
        long putNanos = uploads.run();
        long nanos = System.nanoTime() - t0;
        return new Run(client, round, fileBytes * concurrent, nanos, putNanos, JvmProbe.heapPeak(),
                JvmProbe.allocatedSince(allocated));
    }

    /** The raw flows, each on a thread of its own (the way a raw caller runs blocking flows side by side). */
    private long rawUploads(CloseableHttpAsyncClient client, ExecutorService callers, File file, int n)
            throws Exception {
        List<Future<Long>> flows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            flows.add(callers.submit(() -> rawUpload(client, file)));
        }
        long slowestPut = 0;
        for (Future<Long> f : flows) {
            slowestPut = Math.max(slowestPut, f.get(30, TimeUnit.MINUTES));
        }
        return slowestPut;
    }

    private static long componentUploads(CamelHarness camel, AsyncProducer producer, File file, int n)
            throws Exception {
        List<CompletableFuture<Exchange>> flows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Exchange exchange = camel.exchange(file);
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            producer.process(exchange, doneSync -> done.complete(exchange));
            flows.add(done);
        }
        for (CompletableFuture<Exchange> f : flows) {
            Exchange exchange = f.get(30, TimeUnit.MINUTES);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            if (!"Completed".equals(exchange.getMessage().getHeader(UnityPredictConstants.STATUS))) {
                throw new IllegalStateException("component predict did not complete: "
                        + exchange.getMessage().getHeader(UnityPredictConstants.STATUS));
            }
        }
        return -1;
    }

    void report(Report r) {
        r.heading(2, "6. Streaming upload: " + concurrent + " files of " + (fileBytes >> 20) + " MiB at once"
                + " through text-summary");
        r.paragraph("This JVM: `" + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments()) + "`. The whole file flow, " + concurrent + " at once, timed until the last ends:"
                + " initialize, upload link, PUT of the file to the signed link, predict (the emulator's model then"
                + " reads the file, which is part of both timings). Raw: HC5 with `AsyncEntityProducers.create(File,"
                + " ContentType)`, each flow on a thread of its own. Component: `unitypredict:predict?modelId="
                + "text-summary&fileInputName=InputFile` with `File` bodies, all submitted at once. Heap peak: full GC,"
                + " then the sum of the heap pools' peak usage since (an upper bound; mostly how far the young"
                + " generation grew before a collection). Allocated: bytes allocated by live threads during the round. "
                + rounds + " rounds alternating the order after 3 warm-up rounds of 32 MiB files.");
        UploadSummary raw = UploadSummary.of(runs, "raw HC5");
        UploadSummary component = UploadSummary.of(runs, "component");
        r.table(List.of("client", "MiB/s (all flows)", "heap peak MiB", "allocated MiB"), List.of(
                raw.row(), component.row(),
                List.of("ratio component/raw", Report.ratio(component.mibPerSecond(), raw.mibPerSecond()),
                        Report.ratio(component.heapPeakMib(), raw.heapPeakMib()),
                        Report.ratio(component.allocatedMib(), raw.allocatedMib()))));
        List<List<String>> detail = new ArrayList<>();
        for (Run run : runs) {
            detail.add(List.of(Integer.toString(run.round()), run.client(), Report.num(run.nanos() / 1e9, 1),
                    Report.num(run.mibPerSecond(), 1), Report.num(Stats.mib(run.heapPeak()), 1),
                    Report.num(Stats.mib(run.allocated()), 1)));
        }
        r.paragraph("Every round:");
        r.table(List.of("round", "client", "seconds", "MiB/s", "heap peak MiB", "allocated MiB"), detail);
    }

    private record UploadSummary(String client, double mibPerSecond, double heapPeakMib, double allocatedMib) {

        static UploadSummary of(List<Run> runs, String client) {
            List<Run> mine = runs.stream().filter(run -> run.client().equals(client)).toList();
            return new UploadSummary(client,
                    Stats.median(mine.stream().mapToDouble(Run::mibPerSecond).toArray()),
                    Stats.median(mine.stream().mapToDouble(run -> Stats.mib(run.heapPeak())).toArray()),
                    Stats.median(mine.stream().mapToDouble(run -> Stats.mib(run.allocated())).toArray()));
        }

        List<String> row() {
            return List.of(client, Report.num(mibPerSecond, 1), Report.num(heapPeakMib, 1),
                    Report.num(allocatedMib, 1));
        }
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
