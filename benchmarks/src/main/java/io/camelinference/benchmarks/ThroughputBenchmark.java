package io.camelinference.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
 * up first; then rounds alternate which client goes first, and the median round is reported.
 */
final class ThroughputBenchmark {

    /** Least warm-up time per in-flight level, whatever the warm-up count. */
    static final long WARM_UP_SECONDS = 15;

    static final String BODY = "{\"InputValues\":{\"Age\":61,\"Chol\":120}}";

    /** One measured batch of one client. */
    record Run(String client, int inFlight, int round, LoadRunner.Result result) {
    }

    /** Medians over the rounds for one in-flight level. */
    record Summary(int inFlight, double rawPerSecond, double componentPerSecond, double rawCpuMs,
                   double componentCpuMs, int failures) {
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

    Summary measure(int inFlight) throws Exception {
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
                    System.out.printf("  %-9s in flight %3d round %d: %8.0f req/s, %6.1f CPU ms / 1,000, %d failed%n",
                            isRaw ? "raw HC5" : "component", inFlight, round, r.perSecond(), r.cpuMillisPerThousand(),
                            r.failures());
                }
            }
            int failures = 0;
            for (Run run : runs) {
                failures += run.inFlight() == inFlight ? run.result().failures() : 0;
            }
            return new Summary(inFlight,
                    Stats.median(rawResults.stream().mapToDouble(LoadRunner.Result::perSecond).toArray()),
                    Stats.median(componentResults.stream().mapToDouble(LoadRunner.Result::perSecond).toArray()),
                    Stats.median(rawResults.stream().mapToDouble(LoadRunner.Result::cpuMillisPerThousand).toArray()),
                    Stats.median(componentResults.stream().mapToDouble(LoadRunner.Result::cpuMillisPerThousand).toArray()),
                    failures);
        } finally {
            raw.close(CloseMode.GRACEFUL);
        }
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
