package io.camelinference.commsmining;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelinference.emulator.InferenceEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;

/**
 * A runnable scenario for the benchmarks (not a test): N single-document messages through a route with micro-batching
 * ({@code batchSize=4096}) against the raw HttpClient 5 async client sending the same documents as requests of 4096,
 * both on the in-process emulator, in one run. Prints the requests each made and the time as a ratio.
 *
 * <pre>java -cp ... io.camelinference.commsmining.MicroBatchingScenario [documents=100000] [batchLinger=200ms]</pre>
 */
public final class MicroBatchingScenario {

    private static final String PREDICT = "POST /api/v1/datasets/{project}/{dataset}/labellers/{version}/predict";
    private static final String PATH = "/api/v1/datasets/demo/support-emails/labellers/live/predict";

    private MicroBatchingScenario() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String linger = args.length > 1 ? args[1] : "200ms";
        try (InferenceEmulator emulator = InferenceEmulator.builder().start()) {
            run(emulator, 2_000, linger, false);
            emulator.reset();
            run(emulator, documents, linger, true);
        }
    }

    private static void run(InferenceEmulator emulator, int documents, String linger, boolean print) throws Exception {
        long start = System.nanoTime();
        long camelRequests = camel(emulator, documents, linger);
        double camelSeconds = (System.nanoTime() - start) / 1e9;
        long before = emulator.stats().calls("commsmining", PREDICT);
        start = System.nanoTime();
        raw(emulator, documents);
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        long rawRequests = emulator.stats().calls("commsmining", PREDICT) - before;
        if (print) {
            System.out.printf("%d single-document messages, micro-batched by the component (batchLinger %s): %d"
                    + " requests, %.2f s%n", documents, linger, camelRequests, camelSeconds);
            System.out.printf("%d documents in 4096-document requests by raw HttpClient 5: %d requests, %.2f s%n",
                    documents, rawRequests, rawSeconds);
            System.out.printf("requests ratio %.3f, time ratio (component / raw) %.2f%n",
                    (double) camelRequests / rawRequests, camelSeconds / rawSeconds);
        }
    }

    static String text(int i) {
        return i % 2 == 0 ? "Message " + i + ": please refund the money for the item I returned."
                : "Message " + i + ": my parcel has not arrived, where is my delivery?";
    }

    private static long camel(InferenceEmulator emulator, int documents, String linger) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            CommsMiningComponent component = new CommsMiningComponent();
            component.getConfiguration().setBaseUrl(emulator.baseUrl());
            component.getConfiguration().setApiKey(emulator.apiKey());
            context.addComponent("commsmining", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:email").to("commsmining:predict?project=demo&dataset=support-emails"
                            + "&batchSize=4096&batchLinger=" + linger + "&responseTimeout=5m");
                }
            });
            context.start();
            long before = emulator.stats().calls("commsmining", PREDICT);
            ProducerTemplate template = context.createProducerTemplate();
            List<CompletableFuture<Exchange>> sent = new ArrayList<>(documents);
            for (int i = 0; i < documents; i++) {
                String body = text(i);
                sent.add(template.asyncSend("direct:email", e -> e.getMessage().setBody(body)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            for (CompletableFuture<Exchange> f : sent) {
                if (f.get().getException() != null) {
                    throw f.get().getException();
                }
            }
            return emulator.stats().calls("commsmining", PREDICT) - before;
        }
    }

    private static void raw(InferenceEmulator emulator, int documents) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Semaphore inFlight = new Semaphore(4);
        try (CloseableHttpAsyncClient client = HttpAsyncClients.createDefault()) {
            client.start();
            List<CompletableFuture<SimpleHttpResponse>> answers = new ArrayList<>();
            for (int from = 0; from < documents; from += 4096) {
                ObjectNode body = mapper.createObjectNode();
                ArrayNode docs = body.putArray("documents");
                for (int i = from; i < Math.min(documents, from + 4096); i++) {
                    docs.addObject().putArray("messages").addObject().putObject("body").put("text", text(i));
                }
                SimpleHttpRequest request = SimpleRequestBuilder.post(URI.create(emulator.baseUrl() + PATH))
                        .setHeader("Authorization", "Bearer " + emulator.apiKey())
                        .setBody(mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8),
                                ContentType.APPLICATION_JSON).build();
                inFlight.acquire();
                CompletableFuture<SimpleHttpResponse> answer = new CompletableFuture<>();
                client.execute(request, new FutureCallback<>() {
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
                // parse the answer, as the component does
                mapper.readTree(r.getBodyBytes());
            }
        }
    }
}
