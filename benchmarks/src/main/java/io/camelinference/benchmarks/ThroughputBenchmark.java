package io.camelinference.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.camelinference.unitypredict.UnityPredictConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * Small JSON predictions ({@code heart-risk}, answered inline) at a fixed number in flight: the raw HC5 client POSTing
 * the JSON and reading the answer, against the component's AsyncProducer driven with Map bodies. Each client is warmed
 * up first; then rounds alternate which client goes first. The ratios reported are medians of the per-round ratios
 * (component / raw of the same round), so a slow moment of the shared machine hits both sides of a pair.
 */
final class ThroughputBenchmark {

    /** Least warm-up time per in-flight level, whatever the warm-up count. */
    static final long WARM_UP_SECONDS = 15;

    static final String BODY = "{\"InputValues\":{\"Age\":61,\"Chol\":120}}";

    /** One measured batch of one client. */
    record Run(String client, int inFlight, int round, LoadRunner.Result result) {
    }

    /** One in-flight level: every round of both clients, in order. */
    record Level(int inFlight, List<LoadRunner.Result> raw, List<LoadRunner.Result> component) {

        double rawMedian(ToDoubleFunction<LoadRunner.Result> measure) {
            return Stats.median(raw.stream().mapToDouble(measure).toArray());
        }

        double componentMedian(ToDoubleFunction<LoadRunner.Result> measure) {
            return Stats.median(component.stream().mapToDouble(measure).toArray());
        }

        /** Median over the rounds of component / raw within the round. */
        double ratio(ToDoubleFunction<LoadRunner.Result> measure) {
            double[] ratios = new double[raw.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = measure.applyAsDouble(component.get(i)) / measure.applyAsDouble(raw.get(i));
            }
            return Stats.median(ratios);
        }

        int failures() {
            return raw.stream().mapToInt(LoadRunner.Result::failures).sum()
                    + component.stream().mapToInt(LoadRunner.Result::failures).sum();
        }
    }

    private final EmulatorProcess emulator;
    private final int requests;
    private final int warmup;
    private final int rounds;
    private final List<Run> runs = new ArrayList<>();

    ThroughputBenchmark(EmulatorProcess emulator, int requests, int warmup, int rounds) {
        this.emulator = emulator;
        this.requests = requests;
        this.warmup = warmup;
        this.rounds = rounds;
    }

    List<Run> runs() {
        return runs;
    }

    Level measure(int inFlight) throws Exception {
        CloseableHttpAsyncClient raw = RawClient.start(inFlight);
        try (CamelHarness camel = new CamelHarness(emulator.baseUrl())) {
            AsyncProducer producer = camel.producer("unitypredict:predict?modelId=heart-risk&maxConnections=" + inFlight);
            LoadRunner.AsyncCall rawCall = rawCall(raw, URI.create(emulator.baseUrl() + "/api/predict/heart-risk"));
            LoadRunner.AsyncCall componentCall = componentCall(camel, producer);

            // both JVMs (this one and the emulator's) compile hot code for a while on 2 busy cores: warm up by count
            // and by time, alternating the clients
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
            do {
                LoadRunner.run(rawCall, warmup, inFlight);
                LoadRunner.run(componentCall, warmup, inFlight);
                emulator.reset();
            } while (System.nanoTime() < warmUntil);

            List<LoadRunner.Result> rawResults = new ArrayList<>();
            List<LoadRunner.Result> componentResults = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                boolean rawFirst = round % 2 == 1;
                for (int i = 0; i < 2; i++) {
                    boolean isRaw = (i == 0) == rawFirst;
                    LoadRunner.Result r = LoadRunner.run(isRaw ? rawCall : componentCall, requests, inFlight);
                    // the emulator keeps every job it answered: start each batch from an empty registry
                    emulator.reset();
                    (isRaw ? rawResults : componentResults).add(r);
                    runs.add(new Run(isRaw ? "raw HC5" : "component", inFlight, round, r));
                    System.out.printf("  %-9s in flight %4d round %d: %8.0f req/s, %6.1f CPU ms / 1,000, %6.1f KB"
                                    + " / req, %d failed%n", isRaw ? "raw HC5" : "component", inFlight, round,
                            r.perSecond(), r.cpuMillisPerThousand(), r.allocatedPerRequest() / 1000, r.failures());
                }
            }
            return new Level(inFlight, rawResults, componentResults);
        } finally {
            raw.close(CloseMode.GRACEFUL);
        }
    }

    void report(Report r, List<Level> levels) {
        r.heading(2, "1. Throughput: small JSON predictions (heart-risk, answered inline)");
        r.paragraph("Each client sends " + Report.num(requests, 0) + " predictions per round after "
                + Report.num(warmup, 0) + " warm-up ones (repeated, alternating the clients, for at least "
                + WARM_UP_SECONDS + " s per level), keeping a fixed number in flight from one thread"
                + " (semaphore). Raw: HC5 `CloseableHttpAsyncClient`, pool = in-flight, `disableAutomaticRetries`,"
                + " `SimpleRequestBuilder` POST of the JSON, answer read as text. Component: the"
                + " `unitypredict:predict?modelId=heart-risk&maxConnections=<in-flight>` AsyncProducer driven directly"
                + " with Map bodies (JSON written and the answer parsed into `UnityPredictResponse`, headers set,"
                + " completion handed to Camel's pool). " + rounds + " rounds alternating which client goes first."
                + " Rates, CPU and allocation are medians of the rounds; each ratio is the median of the per-round"
                + " ratios (component / raw of the same round). CPU: the benchmark JVM's process CPU time. Allocated:"
                + " bytes allocated by the JVM's live threads (HC5's I/O threads, Camel's pools, the load thread)."
                + " 256 and 1,024 in flight show that the emulator is not the bottleneck: nothing may fail there.");
        List<List<String>> rows = new ArrayList<>();
        for (Level m : levels) {
            rows.add(List.of(Integer.toString(m.inFlight()),
                    Report.num(m.rawMedian(LoadRunner.Result::perSecond), 0),
                    Report.num(m.componentMedian(LoadRunner.Result::perSecond), 0),
                    Report.times(m.ratio(LoadRunner.Result::perSecond)),
                    Report.num(m.rawMedian(LoadRunner.Result::cpuMillisPerThousand), 1),
                    Report.num(m.componentMedian(LoadRunner.Result::cpuMillisPerThousand), 1),
                    Report.times(m.ratio(LoadRunner.Result::cpuMillisPerThousand)),
                    Report.num(m.rawMedian(LoadRunner.Result::allocatedPerRequest) / 1000, 1),
                    Report.num(m.componentMedian(LoadRunner.Result::allocatedPerRequest) / 1000, 1),
                    Report.times(m.ratio(LoadRunner.Result::allocatedPerRequest)),
                    Integer.toString(m.failures())));
        }
        r.table(List.of("in flight", "raw req/s", "component req/s", "rate ratio", "raw CPU ms / 1,000 req",
                "component CPU ms / 1,000 req", "CPU ratio", "raw KB / req", "component KB / req", "alloc ratio",
                "failed"), rows);
        List<List<String>> detail = new ArrayList<>();
        for (Run run : runs) {
            detail.add(List.of(Integer.toString(run.inFlight()), Integer.toString(run.round()), run.client(),
                    Report.num(run.result().perSecond(), 0), Report.num(run.result().cpuMillisPerThousand(), 1),
                    Report.num(run.result().allocatedPerRequest() / 1000, 1),
                    Integer.toString(run.result().failures())));
        }
        r.paragraph("Every round:");
        r.table(List.of("in flight", "round", "client", "req/s", "CPU ms / 1,000 req", "KB / req", "failed"), detail);
    }

    private static LoadRunner.AsyncCall rawCall(CloseableHttpAsyncClient client, URI uri) {
        return done -> {
            SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                    .setHeader("Authorization", RawClient.AUTHORIZATION)
                    .setBody(BODY, ContentType.APPLICATION_JSON)
                    .build();
            client.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(),
                    new FutureCallback<SimpleHttpResponse>() {
                        @Override
                        public void completed(SimpleHttpResponse response) {
                            done.accept(response.getCode() == 200 && response.getBodyText().contains("\"Completed\""));
                        }

                        @Override
                        public void failed(Exception e) {
                            done.accept(false);
                        }

                        @Override
                        public void cancelled() {
                            done.accept(false);
                        }
                    });
        };
    }

    private static LoadRunner.AsyncCall componentCall(CamelHarness camel, AsyncProducer producer) {
        return done -> {
            Exchange exchange = camel.exchange(Map.of("Age", 61, "Chol", 120));
            producer.process(exchange, doneSync -> done.accept(exchange.getException() == null
                    && "Completed".equals(exchange.getMessage().getHeader(UnityPredictConstants.STATUS))));
        };
    }
}
