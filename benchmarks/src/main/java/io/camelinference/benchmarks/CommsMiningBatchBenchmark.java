package io.camelinference.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelinference.commsmining.CommsMiningComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * Communications Mining's micro-batching: single-document exchanges through {@code commsmining:predict} with
 * {@code batchSize=4096}, against the raw client sending the same documents as requests of 4,096 (what a careful raw
 * caller does by hand), 4 requests in flight each. Counts the requests each made (the emulator) and times both.
 */
final class CommsMiningBatchBenchmark {

    static final String PREDICT = "POST /api/v1/datasets/{project}/{dataset}/labellers/{version}/predict";
    static final String PATH = "/api/v1/datasets/demo/support-emails/labellers/live/predict";
    static final int BATCH = 4096;
    static final String ENDPOINT = "commsmining:predict?project=demo&dataset=support-emails&batchSize=" + BATCH
            + "&batchLinger=200ms&maxInFlight=4&responseTimeout=5m";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(String client, int round, long requests, double seconds) {
    }

    private final EmulatorProcess emulator;
    private final int documents;
    private final int rounds;
    private final List<Run> runs = new ArrayList<>();

    CommsMiningBatchBenchmark(EmulatorProcess emulator, int documents, int rounds) {
        this.emulator = emulator;
        this.documents = documents;
        this.rounds = rounds;
    }

    void measure() throws Exception {
        CommsMiningComponent commsmining = new CommsMiningComponent();
        commsmining.getConfiguration().setBaseUrl(emulator.baseUrl());
        commsmining.getConfiguration().setApiKey(EmulatorProcess.API_KEY);
        CloseableHttpAsyncClient raw = RawClient.start(4);
        try (CamelHarness camel = new CamelHarness(emulator.baseUrl()).with("commsmining", commsmining)) {
            AsyncProducer producer = camel.producer(ENDPOINT);
            int warmup = Math.min(documents, 20_000);
            component(camel, producer, warmup);
            raw(raw, warmup);
            for (int round = 1; round <= rounds; round++) {
                boolean rawFirst = round % 2 == 1;
                for (int i = 0; i < 2; i++) {
                    boolean isRaw = (i == 0) == rawFirst;
                    emulator.reset();
                    long t0 = System.nanoTime();
                    if (isRaw) {
                        raw(raw, documents);
                    } else {
                        component(camel, producer, documents);
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    long requests = EmulatorProcess.calls(emulator.stats("commsmining"), PREDICT);
                    runs.add(new Run(isRaw ? "raw HC5" : "component", round, requests, seconds));
                    System.out.printf("  commsmining %-9s round %d: %,d documents in %d requests, %.2f s%n",
                            isRaw ? "raw HC5" : "component", round, documents, requests, seconds);
                }
            }
        } finally {
            raw.close(CloseMode.GRACEFUL);
        }
    }

    void report(Report r) {
        r.heading(2, "4. Communications Mining: micro-batched predictions");
        r.paragraph(Report.num(documents, 0) + " single-document exchanges through `" + ENDPOINT + "` (driven directly,"
                + " all submitted at once), against the raw HC5 client sending the same documents as requests of "
                + BATCH + " documents (JSON built with Jackson, answers parsed), 4 in flight each; " + rounds
                + " rounds alternating after a warm-up. Requests counted by the emulator.");
        List<List<String>> rows = new ArrayList<>();
        double[] ratios = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            Run rawRun = find("raw HC5", round);
            Run componentRun = find("component", round);
            ratios[round - 1] = componentRun.seconds() / rawRun.seconds();
            rows.add(List.of(Integer.toString(round), Report.num(rawRun.requests(), 0),
                    Report.num(componentRun.requests(), 0), Report.num(rawRun.seconds(), 2),
                    Report.num(componentRun.seconds(), 2), Report.times(ratios[round - 1])));
        }
        rows.add(List.of("median", "", "", "", "", Report.times(Stats.median(ratios))));
        r.table(List.of("round", "raw requests", "component requests", "raw s", "component s",
                "time ratio component / raw"), rows);
    }

    private Run find(String client, int round) {
        return runs.stream().filter(run -> run.client().equals(client) && run.round() == round).findFirst()
                .orElseThrow();
    }

    static String text(int i) {
        return i % 2 == 0 ? "Message " + i + ": please refund the money for the item I returned."
                : "Message " + i + ": my parcel has not arrived, where is my delivery?";
    }

    private static void component(CamelHarness camel, AsyncProducer producer, int documents) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            Exchange exchange = camel.exchange(text(i));
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            producer.process(exchange, sync -> done.complete(exchange));
            sent.add(done);
        }
        for (CompletableFuture<Exchange> f : sent) {
            Exchange e = f.get(10, TimeUnit.MINUTES);
            if (e.getException() != null) {
                throw e.getException();
            }
        }
    }

    private void raw(CloseableHttpAsyncClient client, int documents) throws Exception {
        Semaphore inFlight = new Semaphore(4);
        List<CompletableFuture<SimpleHttpResponse>> answers = new ArrayList<>();
        URI uri = URI.create(emulator.baseUrl() + PATH);
        for (int from = 0; from < documents; from += BATCH) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode docs = body.putArray("documents");
            for (int i = from; i < Math.min(documents, from + BATCH); i++) {
                docs.addObject().putArray("messages").addObject().putObject("body").put("text", text(i));
            }
            inFlight.acquire();
            CompletableFuture<SimpleHttpResponse> answer = new CompletableFuture<>();
            client.execute(SimpleRequestBuilder.post(uri).setHeader("Authorization", "Bearer " + EmulatorProcess.API_KEY)
                    .setBody(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON).build(),
                    new FutureCallback<SimpleHttpResponse>() {
                        @Override
                        public void completed(SimpleHttpResponse result) {
                            inFlight.release();
                            answer.complete(result);
                        }

                        @Override
                        public void failed(Exception ex) {
                            inFlight.release();
                            answer.completeExceptionally(ex);
                        }

                        @Override
                        public void cancelled() {
                            inFlight.release();
                            answer.cancel(false);
                        }
                    });
            answers.add(answer);
        }
        for (CompletableFuture<SimpleHttpResponse> a : answers) {
            SimpleHttpResponse r = a.get(5, TimeUnit.MINUTES);
            if (r.getCode() != 200) {
                throw new IllegalStateException("raw request failed: " + r.getCode() + " " + r.getBodyText());
            }
            JSON.readTree(r.getBodyBytes()); // parse the answer, as the component does
        }
    }
}
