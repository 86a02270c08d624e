package io.camelinference.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import io.camelinference.common.component.InferenceRuntime;
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
 * the JSON and reading the answer, against the component's AsyncProducer driven with Map bodies. A third client is the
 * raw one whose callback hands the answer to a pool thread, as the component must (it never parses or continues a
 * route on HttpClient's I/O threads): what that hand-off alone costs, apart from everything else the component does.
 * Each client is warmed up first; then rounds rotate which client goes first. The ratios reported are medians of the
 * per-round ratios (client / raw of the same round), so a slow moment of the shared machine hits every side of a round.
 */
final class ThroughputBenchmark {

    /** Least warm-up time per in-flight level, whatever the warm-up count. */
    static final long WARM_UP_SECONDS = 15;

    /**
     * Least warm-up time of the first level: both JVMs (this one and the emulator's) are still compiling then, and
     * rounds after a 15 s warm-up were still getting faster (16 in flight, 2 cores).
     */
    static final long FIRST_WARM_UP_SECONDS = 40;

    /** Threads of the hand-off client's pool: as many as the component's completion pool. */
    static final int HAND_OFF_THREADS = InferenceRuntime.COMPLETION_THREADS;

    static final String RAW = "raw HC5";
    static final String HAND_OFF = "raw HC5 + hand-off";
    static final String COMPONENT = "component";

    static final String BODY = "{\"InputValues\":{\"Age\":61,\"Chol\":120}}";

    /** One measured batch of one client. */
    record Run(String client, int inFlight, int round, LoadRunner.Result result) {
    }

    /** One in-flight level: every round of the three clients, in order. */
    record Level(int inFlight, List<LoadRunner.Result> raw, List<LoadRunner.Result> handOff,
                 List<LoadRunner.Result> component) {

        static double median(List<LoadRunner.Result> results, ToDoubleFunction<LoadRunner.Result> measure) {
            return Stats.median(results.stream().mapToDouble(measure).toArray());
        }

        /** Median over the rounds of {@code client / base} within the round. */
        static double ratio(List<LoadRunner.Result> client, List<LoadRunner.Result> base,
                            ToDoubleFunction<LoadRunner.Result> measure) {
            double[] ratios = new double[base.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = measure.applyAsDouble(client.get(i)) / measure.applyAsDouble(base.get(i));
            }
            return Stats.median(ratios);
        }

        /** Median over the rounds of component / raw within the round: the target. */
        double ratio(ToDoubleFunction<LoadRunner.Result> measure) {
            return ratio(component, raw, measure);
        }

        int failures() {
            return Stream.of(raw, handOff, component).flatMap(List::stream)
                    .mapToInt(LoadRunner.Result::failures).sum();
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

    Level measure(int inFlight, boolean first) throws Exception {
        CloseableHttpAsyncClient raw = RawClient.start(inFlight);
        ExecutorService handOffPool = Executors.newFixedThreadPool(HAND_OFF_THREADS, r -> {
            Thread t = new Thread(r, "hand-off");
            t.setDaemon(true);
            return t;
        });
        try (CamelHarness camel = new CamelHarness(emulator.baseUrl())) {
            AsyncProducer producer = camel.producer("unitypredict:predict?modelId=heart-risk&maxConnections=" + inFlight);
            LoadRunner.AsyncCall rawCall = rawCall(raw, URI.create(emulator.baseUrl() + "/api/predict/heart-risk"));
            Map<String, LoadRunner.AsyncCall> clients = new LinkedHashMap<>();
            clients.put(RAW, rawCall);
            clients.put(HAND_OFF, handOffCall(rawCall, handOffPool));
            clients.put(COMPONENT, componentCall(camel, producer));
            List<String> names = List.copyOf(clients.keySet());

            // both JVMs (this one and the emulator's) compile hot code for a while on 2 busy cores: warm up by count
            // and by time, alternating the clients
            long warmUntil = System.nanoTime()
                    + TimeUnit.SECONDS.toNanos(first ? FIRST_WARM_UP_SECONDS : WARM_UP_SECONDS);
            do {
                for (LoadRunner.AsyncCall call : clients.values()) {
                    LoadRunner.run(call, warmup, inFlight);
                }
                emulator.reset();
            } while (System.nanoTime() < warmUntil);

            Map<String, List<LoadRunner.Result>> results = new LinkedHashMap<>();
            names.forEach(name -> results.put(name, new ArrayList<>()));
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < names.size(); i++) {
                    // each round starts with another client, so no client always runs right after the same one
                    String name = names.get((round - 1 + i) % names.size());
                    LoadRunner.Result r = LoadRunner.run(clients.get(name), requests, inFlight);
                    // the emulator keeps every job it answered: start each batch from an empty registry
                    emulator.reset();
                    results.get(name).add(r);
                    runs.add(new Run(name, inFlight, round, r));
                    System.out.printf("  %-18s in flight %4d round %d: %8.0f req/s, %6.1f CPU ms / 1,000, %6.1f KB"
                                    + " / req, %d failed%n", name, inFlight, round,
                            r.perSecond(), r.cpuMillisPerThousand(), r.allocatedPerRequest() / 1000, r.failures());
                }
            }
            return new Level(inFlight, results.get(RAW), results.get(HAND_OFF), results.get(COMPONENT));
        } finally {
            raw.close(CloseMode.GRACEFUL);
            handOffPool.shutdownNow();
        }
    }

    void report(Report r, List<Level> levels) {
        r.heading(2, "1. Throughput: small JSON predictions (heart-risk, answered inline)");
        r.paragraph("Each client sends " + Report.num(requests, 0) + " predictions per round after "
                + Report.num(warmup, 0) + " warm-up ones (repeated, alternating the clients, for at least "
                + FIRST_WARM_UP_SECONDS + " s at the first level and " + WARM_UP_SECONDS + " s at the others),"
                + " keeping a fixed number in flight from one thread (semaphore). Raw: HC5"
                + " `CloseableHttpAsyncClient`, pool = in-flight, `disableAutomaticRetries`, `SimpleRequestBuilder`"
                + " POST of the JSON, answer read as text, its callback run on HC5's I/O thread. Component: the"
                + " `unitypredict:predict?modelId=heart-risk&maxConnections=<in-flight>` AsyncProducer driven directly"
                + " with Map bodies (JSON written and the answer parsed into `UnityPredictResponse`, headers set,"
                + " completion handed to Camel's pool). " + rounds + " rounds, each starting with another client."
                + " Rates, CPU and allocation are medians of the rounds; each ratio is the median of the per-round"
                + " ratios (component / raw of the same round). CPU: the benchmark JVM's process CPU time. Allocated:"
                + " bytes allocated by the JVM's live threads (HC5's I/O threads, Camel's pools, the load thread)."
                + " 256 and 1,024 in flight show that the emulator is not the bottleneck: nothing may fail there.");
        List<List<String>> rows = new ArrayList<>();
        for (Level m : levels) {
            rows.add(List.of(Integer.toString(m.inFlight()),
                    Report.num(Level.median(m.raw(), LoadRunner.Result::perSecond), 0),
                    Report.num(Level.median(m.component(), LoadRunner.Result::perSecond), 0),
                    Report.times(m.ratio(LoadRunner.Result::perSecond)),
                    Report.num(Level.median(m.raw(), LoadRunner.Result::cpuMillisPerThousand), 1),
                    Report.num(Level.median(m.component(), LoadRunner.Result::cpuMillisPerThousand), 1),
                    Report.times(m.ratio(LoadRunner.Result::cpuMillisPerThousand)),
                    Report.num(Level.median(m.raw(), LoadRunner.Result::allocatedPerRequest) / 1000, 1),
                    Report.num(Level.median(m.component(), LoadRunner.Result::allocatedPerRequest) / 1000, 1),
                    Report.times(m.ratio(LoadRunner.Result::allocatedPerRequest)),
                    Integer.toString(m.failures())));
        }
        r.table(List.of("in flight", "raw req/s", "component req/s", "rate ratio", "raw CPU ms / 1,000 req",
                "component CPU ms / 1,000 req", "CPU ratio", "raw KB / req", "component KB / req", "alloc ratio",
                "failed"), rows);

        r.paragraph("The hand-off alone. The component never parses an answer or continues a route on HC5's two I/O"
                + " threads (a slow route step there would stall every connection of the reactor): it hands each"
                + " answer to its completion pool. `" + HAND_OFF + "` is the raw client doing only that: its callback"
                + " hands the answer to a pool of " + HAND_OFF_THREADS + " threads (an unbounded queue, like the"
                + " completion pool) before counting it. Its ratios against the raw client are what any client that"
                + " keeps work off the I/O threads pays on this machine; the last two columns compare the component"
                + " with it, i.e. everything the component does besides the hand-off.");
        List<List<String>> handOff = new ArrayList<>();
        for (Level m : levels) {
            handOff.add(List.of(Integer.toString(m.inFlight()),
                    Report.num(Level.median(m.handOff(), LoadRunner.Result::perSecond), 0),
                    Report.times(Level.ratio(m.handOff(), m.raw(), LoadRunner.Result::perSecond)),
                    Report.num(Level.median(m.handOff(), LoadRunner.Result::cpuMillisPerThousand), 1),
                    Report.times(Level.ratio(m.handOff(), m.raw(), LoadRunner.Result::cpuMillisPerThousand)),
                    Report.times(Level.ratio(m.component(), m.handOff(), LoadRunner.Result::perSecond)),
                    Report.times(Level.ratio(m.component(), m.handOff(), LoadRunner.Result::cpuMillisPerThousand))));
        }
        r.table(List.of("in flight", "raw + hand-off req/s", "its rate ratio to raw", "its CPU ms / 1,000 req",
                "its CPU ratio to raw", "component / (raw + hand-off) rate", "component / (raw + hand-off) CPU"),
                handOff);

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

    /** The raw call, whose outcome is handed to a pool thread before it is counted. */
    private static LoadRunner.AsyncCall handOffCall(LoadRunner.AsyncCall rawCall, ExecutorService pool) {
        return done -> rawCall.start(ok -> pool.execute(() -> done.accept(ok)));
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
