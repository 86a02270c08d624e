package io.camelinference.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.camelinference.labelstudio.LabelStudioComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@code labelstudio:ml-backend} consumer: {@code /predict} requests per second with a trivial route (every task
 * answered with one label), against a bare JDK HTTP server that reads the same request and writes the same JSON
 * answer. One HC5 client drives both at a fixed number in flight, rounds alternating; the ratio is consumer / bare.
 */
final class LabelStudioBackendBenchmark {

    static final int IN_FLIGHT = 16;
    static final String LABEL_CONFIG = "<View><Text name=\"text\" value=\"$text\"/><Choices name=\"sentiment\""
            + " toName=\"text\"><Choice value=\"Positive\"/><Choice value=\"Negative\"/></Choices></View>";

    private final int requests;
    private final int rounds;
    private final List<LoadRunner.Result> consumer = new ArrayList<>();
    private final List<LoadRunner.Result> bare = new ArrayList<>();

    LabelStudioBackendBenchmark(int requests, int rounds) {
        this.requests = requests;
        this.rounds = rounds;
    }

    void measure() throws Exception {
        byte[] request = predictRequest().getBytes(StandardCharsets.UTF_8);
        byte[] answer = predictAnswer().getBytes(StandardCharsets.UTF_8);
        int port = freePort();
        CamelContext camel = consumer(port);
        HttpServer server = bare(answer);
        CloseableHttpAsyncClient client = RawClient.start(IN_FLIGHT);
        try {
            URI consumerUrl = URI.create("http://127.0.0.1:" + port + "/bench/predict");
            URI bareUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/predict");
            String a = once(client, consumerUrl, request);
            if (!a.equals(new String(answer, StandardCharsets.UTF_8))) {
                throw new IllegalStateException("the consumer and the bare server answer differently:\n" + a);
            }
            LoadRunner.AsyncCall toConsumer = call(client, consumerUrl, request);
            LoadRunner.AsyncCall toBare = call(client, bareUrl, request);
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(ThroughputBenchmark.WARM_UP_SECONDS);
            do {
                LoadRunner.run(toConsumer, requests, IN_FLIGHT);
                LoadRunner.run(toBare, requests, IN_FLIGHT);
            } while (System.nanoTime() < warmUntil);
            for (int round = 1; round <= rounds; round++) {
                boolean consumerFirst = round % 2 == 1;
                for (int i = 0; i < 2; i++) {
                    boolean isConsumer = (i == 0) == consumerFirst;
                    LoadRunner.Result r = LoadRunner.run(isConsumer ? toConsumer : toBare, requests, IN_FLIGHT);
                    (isConsumer ? consumer : bare).add(r);
                    System.out.printf("  labelstudio %-8s round %d: %8.0f req/s, %d failed%n",
                            isConsumer ? "consumer" : "bare", round, r.perSecond(), r.failures());
                }
            }
        } finally {
            client.close(CloseMode.GRACEFUL);
            server.stop(0);
            camel.stop();
        }
    }

    void report(Report r) {
        r.heading(2, "5. Label Studio ML backend: /predict requests per second");
        r.paragraph("`labelstudio:ml-backend?contextPath=/bench` on platform-http (Vert.x) with a trivial route (one"
                + " label for every task) against a bare JDK `HttpServer` (16 worker threads) that reads the request"
                + " and writes the same JSON answer; both in this JVM, driven by one HC5 client at " + IN_FLIGHT
                + " in flight, one task per request, " + Report.num(requests, 0) + " requests per round, " + rounds
                + " rounds alternating. CPU is not compared: client and servers share the JVM.");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < consumer.size(); i++) {
            rows.add(List.of(Integer.toString(i + 1), Report.num(bare.get(i).perSecond(), 0),
                    Report.num(consumer.get(i).perSecond(), 0),
                    Report.times(consumer.get(i).perSecond() / bare.get(i).perSecond()),
                    Integer.toString(bare.get(i).failures() + consumer.get(i).failures())));
        }
        rows.add(List.of("median", Report.num(ThroughputBenchmark.Level.median(bare, LoadRunner.Result::perSecond), 0),
                Report.num(ThroughputBenchmark.Level.median(consumer, LoadRunner.Result::perSecond), 0),
                Report.times(ThroughputBenchmark.Level.ratio(consumer, bare, LoadRunner.Result::perSecond)),
                Integer.toString(Stream.concat(bare.stream(), consumer.stream()).mapToInt(LoadRunner.Result::failures)
                        .sum())));
        r.table(List.of("round", "bare req/s", "consumer req/s", "ratio", "failed"), rows);
    }

    private static CamelContext consumer(int port) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(conf));
        LabelStudioComponent component = new LabelStudioComponent();
        // the consumer answers /predict itself and never calls Label Studio; the component still wants to know where
        component.getConfiguration().setBaseUrl("http://127.0.0.1:8080");
        component.getConfiguration().setApiKey("benchmark-token");
        component.getConfiguration().setMaxConcurrentTasks(64);
        camel.addComponent("labelstudio", component);
        RouteBuilder.addRoutes(camel, rb -> rb.from("labelstudio:ml-backend?contextPath=/bench")
                .routeId("trivial-backend").setBody(rb.constant("Positive")));
        camel.start();
        return camel;
    }

    private static HttpServer bare(byte[] answer) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "bare-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/predict", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return server;
    }

    private static LoadRunner.AsyncCall call(CloseableHttpAsyncClient client, URI url, byte[] body) {
        return done -> client.execute(SimpleRequestBuilder.post(url).setBody(body, ContentType.APPLICATION_JSON)
                .build(), new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        done.accept(response.getCode() == 200);
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
    }

    private static String once(CloseableHttpAsyncClient client, URI url, byte[] body) throws Exception {
        SimpleHttpResponse r = client.execute(SimpleRequestBuilder.post(url).setBody(body, ContentType.APPLICATION_JSON)
                .build(), null).get(30, TimeUnit.SECONDS);
        if (r.getCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.getCode() + ": " + r.getBodyText());
        }
        return r.getBodyText();
    }

    static String predictRequest() {
        return "{\"tasks\":[{\"id\":1,\"project\":1,\"data\":{\"text\":\"task 1\"},\"annotations\":[],\"predictions\":[]}],"
                + "\"project\":\"1.1700000000\",\"label_config\":\"" + LABEL_CONFIG.replace("\"", "\\\"")
                + "\",\"params\":{\"login\":null,\"password\":null,\"context\":null}}";
    }

    /** Exactly what the consumer answers for that task. */
    static String predictAnswer() {
        String one = "{\"result\":[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":"
                + "{\"choices\":[\"Positive\"]}}],\"model_version\":\"camel-1\"}";
        return "{\"results\":[" + String.join(",", Collections.nCopies(1, one)) + "]}";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
