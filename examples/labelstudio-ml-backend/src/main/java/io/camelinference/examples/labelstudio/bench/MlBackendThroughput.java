package io.camelinference.examples.labelstudio.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpServer;
import io.camelinference.labelstudio.LabelStudioComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code /predict} requests per second of the {@code labelstudio:ml-backend} consumer with a trivial route (every task
 * answered with a label), as a ratio of a bare JDK HTTP server that reads the same request and writes the same JSON
 * answer, measured in one run by the same client (Apache HttpClient 5 async, a fixed number in flight), rounds
 * alternating between the two.
 * <p>
 * {@code java -cp ... io.camelinference.examples.labelstudio.bench.MlBackendThroughput [--requests 20000]
 * [--warmup 20000] [--rounds 3] [--in-flight 16] [--tasks 1]}
 */
public final class MlBackendThroughput {

    /** What to measure. */
    public record Settings(int requests, int warmup, int rounds, int inFlight, int tasksPerRequest) {

        static Settings parse(String[] args) {
            int[] v = {20_000, 20_000, 3, 16, 1};
            List<String> names = List.of("--requests", "--warmup", "--rounds", "--in-flight", "--tasks");
            for (int i = 0; i + 1 < args.length; i += 2) {
                int at = names.indexOf(args[i]);
                if (at < 0) {
                    throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + names);
                }
                v[at] = Integer.parseInt(args[i + 1]);
            }
            return new Settings(v[0], v[1], v[2], v[3], v[4]);
        }
    }

    /** The medians and every round, in requests per second. */
    public record Result(double consumer, double bare, List<Double> consumerRounds, List<Double> bareRounds) {

        public double ratio() {
            return consumer / bare;
        }

        @Override
        public String toString() {
            return String.format("labelstudio:ml-backend /predict: %.0f req/s; bare JDK HTTP server: %.0f req/s; ratio"
                    + " %.2fx (rounds: consumer %s, bare %s)", consumer, bare, ratio(), rounded(consumerRounds),
                    rounded(bareRounds));
        }

        private static List<Long> rounded(List<Double> rounds) {
            return rounds.stream().map(Math::round).toList();
        }
    }

    static final String LABEL_CONFIG = "<View><Text name=\"text\" value=\"$text\"/><Choices name=\"sentiment\""
            + " toName=\"text\"><Choice value=\"Positive\"/><Choice value=\"Negative\"/></Choices></View>";

    private MlBackendThroughput() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Settings.parse(args)));
    }

    public static Result run(Settings s) throws Exception {
        byte[] request = predictRequest(s.tasksPerRequest()).getBytes(StandardCharsets.UTF_8);
        int port = freePort();
        CamelContext camel = consumer(port);
        HttpServer bare = bare(predictAnswer(s.tasksPerRequest()).getBytes(StandardCharsets.UTF_8));
        try (LoadClient client = new LoadClient(s.inFlight())) {
            String consumerUrl = "http://127.0.0.1:" + port + "/bench/predict";
            String bareUrl = "http://127.0.0.1:" + bare.getAddress().getPort() + "/predict";
            // both answers must be the same JSON, else the comparison means nothing
            String a = client.once(consumerUrl, request);
            String b = client.once(bareUrl, request);
            if (!a.equals(b)) {
                throw new IllegalStateException("the two servers answer differently:\n" + a + "\n" + b);
            }
            client.measure(consumerUrl, request, s.warmup());
            client.measure(bareUrl, request, s.warmup());
            List<Double> consumerRounds = new ArrayList<>();
            List<Double> bareRounds = new ArrayList<>();
            for (int round = 0; round < s.rounds(); round++) {
                boolean consumerFirst = round % 2 == 0;
                if (consumerFirst) {
                    consumerRounds.add(client.measure(consumerUrl, request, s.requests()));
                }
                bareRounds.add(client.measure(bareUrl, request, s.requests()));
                if (!consumerFirst) {
                    consumerRounds.add(client.measure(consumerUrl, request, s.requests()));
                }
            }
            return new Result(median(consumerRounds), median(bareRounds), consumerRounds, bareRounds);
        } finally {
            bare.stop(0);
            camel.stop();
        }
    }

    /** The consumer with a trivial route, on platform-http (Vert.x). */
    static CamelContext consumer(int port) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(conf));
        LabelStudioComponent component = new LabelStudioComponent();
        // the sync consumer never calls Label Studio; the component still wants to know where it is
        component.getConfiguration().setBaseUrl("http://127.0.0.1:8080");
        component.getConfiguration().setApiKey("benchmark-token");
        component.getConfiguration().setMaxConcurrentTasks(64);
        camel.addComponent("labelstudio", component);
        // a lambda, not a RouteBuilder class: classpath scanning of an application never picks it up
        RouteBuilder.addRoutes(camel, rb -> rb.from("labelstudio:ml-backend?contextPath=/bench")
                .routeId("trivial-backend").setBody(rb.constant("Positive")));
        camel.start();
        return camel;
    }

    /** A JDK HTTP server that reads each request and writes a fixed answer (TCP_NODELAY, as the emulator runs it). */
    static HttpServer bare(byte[] answer) throws IOException {
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

    static String predictRequest(int tasks) {
        StringBuilder t = new StringBuilder();
        for (int i = 1; i <= tasks; i++) {
            t.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"project\":1,\"data\":{\"text\":\"task ")
                    .append(i).append("\"},\"annotations\":[],\"predictions\":[]}");
        }
        return "{\"tasks\":[" + t + "],\"project\":\"1.1700000000\",\"label_config\":\"" + LABEL_CONFIG.replace("\"",
                "\\\"") + "\",\"params\":{\"login\":null,\"password\":null,\"context\":null}}";
    }

    /** Exactly what the consumer answers for those tasks. */
    static String predictAnswer(int tasks) {
        String one = "{\"result\":[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":"
                + "{\"choices\":[\"Positive\"]}}],\"model_version\":\"camel-1\"}";
        return "{\"results\":[" + String.join(",", java.util.Collections.nCopies(tasks, one)) + "]}";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
