package io.camelinference.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.Router;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.JobRegistry;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;
import io.camelinference.emulator.spi.RouteHandler;

/**
 * A local emulator of model-inference SaaS APIs: one HTTP server on 127.0.0.1, every provider under its real paths, a
 * control API under {@code /_emulator/}.
 *
 * <pre>{@code
 * try (InferenceEmulator emu = InferenceEmulator.builder().port(0).apiKey("k").build().start()) {
 *     String base = emu.baseUrl();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class InferenceEmulator implements AutoCloseable {

    public static final String DEFAULT_API_KEY = "emulator-key";
    public static final int DEFAULT_PORT = 8787;
    public static final long DEFAULT_SLOW_MODEL_MILLIS = 1500;
    public static final String CONTROL = "_emulator";

    private static final byte[] MALFORMED_BODY =
            "{\"status\":\"Completed\",\"outcomes\":{\"Label\":[{\"dataType\":\"Boo".getBytes(StandardCharsets.UTF_8);

    private final int requestedPort;
    private final String apiKey;
    private final long slowModelMillis;
    private final int threads;
    private final List<FaultRule> startupFaults;
    private final Map<String, EmulatorProvider> providers = new LinkedHashMap<>();

    private final Router router = new Router();
    private final FaultPlan faults = new FaultPlan();
    private final ScheduledExecutorService scheduler;
    private final JobRegistry jobs;
    private final EmulatorStats stats;
    private final Map<String, List<SinkDelivery>> sinks = new ConcurrentHashMap<>();

    private volatile HttpServer server;
    private volatile ExecutorService workers;
    private volatile HttpClient callbackClient;
    private volatile String baseUrl;
    private volatile int port = -1;
    private Path tempDir;

    private InferenceEmulator(Builder b) {
        this.requestedPort = b.port;
        this.apiKey = b.apiKey;
        this.slowModelMillis = b.slowModelMillis;
        this.threads = b.threads;
        this.startupFaults = List.copyOf(b.faults);
        this.scheduler = new ScheduledThreadPoolExecutor(2, daemonThreads("inference-emulator-scheduler"));
        this.jobs = new JobRegistry(scheduler);
        this.stats = new EmulatorStats(jobs);
        if (b.discoverProviders) {
            for (EmulatorProvider p : ServiceLoader.load(EmulatorProvider.class, InferenceEmulator.class.getClassLoader())) {
                providers.put(p.name(), p);
            }
        }
        for (EmulatorProvider p : b.providers) {
            providers.put(p.name(), p);
        }
        registerControlRoutes();
        for (EmulatorProvider p : providers.values()) {
            p.register(new ProviderContext(p.name()));
        }
        faults.addAll(startupFaults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP server (bound to 127.0.0.1). Returns this. */
    public synchronized InferenceEmulator start() {
        if (server != null) {
            return this;
        }
        // without TCP_NODELAY every response on a kept-alive connection stalls ~40 ms; must be set before the first server
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            tempDir = Files.createTempDirectory("inference-emulator-");
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 256);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), daemonThreads("inference-emulator-http"));
            s.setExecutor(pool);
            s.createContext("/", this::dispatch);
            s.start();
            this.workers = pool;
            this.port = s.getAddress().getPort();
            this.baseUrl = "http://127.0.0.1:" + port;
            this.server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the inference emulator on port " + requestedPort, e);
        }
        return this;
    }

    /** e.g. {@code http://127.0.0.1:8787}. */
    public String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    public int port() {
        requireStarted();
        return port;
    }

    public String apiKey() {
        return apiKey;
    }

    public long slowModelMillis() {
        return slowModelMillis;
    }

    public boolean isRunning() {
        return server != null;
    }

    public EmulatorStats stats() {
        return stats;
    }

    /** The live fault plan: add or clear rules at run time. */
    public FaultPlan faults() {
        return faults;
    }

    /** The faults given at build time ({@link Builder#fault}). */
    public List<FaultRule> startupFaults() {
        return startupFaults;
    }

    public JobRegistry jobs() {
        return jobs;
    }

    /** Names of the registered providers. */
    public List<String> providers() {
        return new ArrayList<>(providers.keySet());
    }

    /** Deliveries received by the webhook sink {@code name}, oldest first. */
    public List<SinkDelivery> sink(String name) {
        List<SinkDelivery> l = sinks.get(name);
        return l == null ? List.of() : List.copyOf(l);
    }

    /** The absolute URL of the webhook sink {@code name} on this emulator. */
    public String sinkUrl(String name) {
        return baseUrl() + "/_emulator/sink/" + name;
    }

    /** Waits until the sink has at least {@code count} deliveries; returns them (possibly fewer at timeout). */
    public List<SinkDelivery> awaitSink(String name, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sink(name).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return sink(name);
    }

    /** Clears stats, faults, jobs, uploads and sinks. */
    public void reset() {
        stats.clear();
        faults.clear();
        jobs.clear();
        sinks.clear();
        for (EmulatorProvider p : providers.values()) {
            p.reset();
        }
    }

    @Override
    public synchronized void close() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        scheduler.shutdownNow();
        for (EmulatorProvider p : providers.values()) {
            try {
                p.close();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        if (tempDir != null) {
            deleteTree(tempDir);
        }
    }

    // ---------------------------------------------------------------------------------------------- dispatching

    private void dispatch(HttpExchange ex) {
        try {
            handle(ex);
        } catch (Throwable t) {
            try {
                send(ex, Reply.json(500, error("Emulator failure: " + t)));
            } catch (Throwable ignored) {
                // the connection is gone
            }
        } finally {
            ex.close();
        }
    }

    private void handle(HttpExchange ex) throws Exception {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = ex.getRequestURI();
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        Router.Lookup lookup = router.lookup(method, path);
        if (lookup.match() == null) {
            int status = lookup.pathKnown() ? 405 : 404;
            send(ex, Reply.json(status, error(status == 404 ? "No route for " + method + " " + path
                    : "Method " + method + " not allowed on " + path)));
            return;
        }
        Router.Route route = lookup.match().route();
        String provider = route.provider();
        Request request = new Request(provider, method, path, lookup.match().vars(), query(uri), ex.getRequestHeaders(),
                ex.getRequestBody(), baseUrl, route.control() ? null : () -> faults.matchJob(provider, method, path),
                uri.getRawQuery());
        if (route.control()) {
            send(ex, runHandler(null, route.handler(), request));
            return;
        }
        stats.countCall(provider, route.statsKey());
        EmulatorProvider prov = providers.get(provider);
        FaultRule fault = faults.matchRequest(provider, method, path);
        if (fault != null && fault.latencyMs() != null && fault.latencyMs() > 0) {
            Thread.sleep(fault.latencyMs());
        }
        boolean replaces = fault != null && (fault.status() != null || fault.drop() || fault.malformed());
        Reply reply = null;
        if (!replaces || fault.afterProcessing()) {
            reply = runHandler(prov, route.handler(), request);
        }
        if (replaces) {
            if (fault.drop()) {
                // closing an exchange whose headers were never sent closes the connection without any answer
                return;
            }
            if (fault.malformed()) {
                reply = Reply.bytes(200, "application/json", MALFORMED_BODY);
            } else {
                reply = Reply.json(fault.status(), errorBody(prov, fault.status(), "Injected fault: HTTP " + fault.status()));
            }
        }
        if (fault != null && fault.retryAfter() != null) {
            reply.header("Retry-After", String.valueOf(fault.retryAfter()));
        }
        send(ex, reply);
    }

    private Reply runHandler(EmulatorProvider prov, RouteHandler handler, Request request) {
        try {
            Reply r = handler.handle(request);
            return r != null ? r : Reply.empty(204);
        } catch (Exception e) {
            return Reply.json(500, errorBody(prov, 500, "Internal error: " + e));
        }
    }

    private static ObjectNode errorBody(EmulatorProvider prov, int status, String message) {
        return prov == null ? error(message) : prov.errorBody(status, message);
    }

    private static ObjectNode error(String message) {
        ObjectNode n = Json.object();
        n.put("error", message);
        return n;
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (reply.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        long len = reply.length();
        if (len <= 0 || "HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(reply.status(), -1);
            return;
        }
        ex.sendResponseHeaders(reply.status(), len);
        try (InputStream in = reply.open(); OutputStream out = ex.getResponseBody()) {
            in.transferTo(out);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) {
            return out;
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- control API

    private void control(String method, String template, RouteHandler h) {
        router.add(CONTROL, method, "/_emulator" + template, h, true);
    }

    private void registerControlRoutes() {
        control("GET", "/health", r -> {
            ObjectNode n = Json.object();
            n.put("status", "ok");
            ArrayNode ps = n.putArray("providers");
            providers.keySet().forEach(ps::add);
            return Reply.json(n);
        });
        control("GET", "/routes", r -> {
            ArrayNode arr = Json.array();
            for (Router.Route rt : router.routes()) {
                ObjectNode n = arr.addObject();
                n.put("provider", rt.provider());
                n.put("method", rt.method());
                n.put("path", rt.template());
            }
            return Reply.json(arr);
        });
        control("GET", "/stats", r -> Reply.json(stats.toJson()));
        control("GET", "/faults", r -> Reply.json(faults.toJson()));
        control("POST", "/faults", r -> {
            try {
                faults.addJson(r.json());
            } catch (IllegalArgumentException e) {
                return Reply.json(400, error(e.getMessage()));
            }
            return Reply.json(faults.toJson());
        });
        control("DELETE", "/faults", r -> {
            faults.clear();
            return Reply.json(faults.toJson());
        });
        control("POST", "/reset", r -> {
            reset();
            ObjectNode n = Json.object();
            n.put("reset", true);
            return Reply.json(n);
        });
        control("POST", "/sink/{name}", r -> {
            String body = new String(r.bodyBytes(), StandardCharsets.UTF_8);
            JsonNode json = null;
            try {
                json = body.isBlank() ? null : Json.parseOrThrow(body);
            } catch (IllegalArgumentException notJson) {
                // recorded as text only
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            SinkDelivery d = new SinkDelivery(r.var("name"), Instant.now(), r.header("Content-Type"), headers, body, json);
            sinks.computeIfAbsent(r.var("name"), k -> new CopyOnWriteArrayList<>()).add(d);
            ObjectNode n = Json.object();
            n.put("received", true);
            return Reply.json(n);
        });
        control("GET", "/sink/{name}", r -> {
            ArrayNode arr = Json.array();
            sink(r.var("name")).forEach(d -> arr.add(d.toJson()));
            return Reply.json(arr);
        });
        control("DELETE", "/sink/{name}", r -> {
            sinks.remove(r.var("name"));
            return Reply.json(Json.array());
        });
    }

    // ---------------------------------------------------------------------------------------------- provider context

    private final class ProviderContext implements EmulatorContext {
        private final String provider;

        ProviderContext(String provider) {
            this.provider = provider;
        }

        @Override
        public void route(String method, String template, RouteHandler handler) {
            router.add(provider, method, template, handler, false);
        }

        @Override
        public String apiKey() {
            return apiKey;
        }

        @Override
        public long slowModelMillis() {
            return slowModelMillis;
        }

        @Override
        public String baseUrl() {
            return InferenceEmulator.this.baseUrl();
        }

        @Override
        public JobRegistry jobs() {
            return jobs;
        }

        @Override
        public void bill(long units, BigDecimal cost) {
            stats.bill(provider, units, cost);
        }

        @Override
        public Path tempDir() {
            requireStarted();
            return tempDir;
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return scheduler;
        }

        @Override
        public boolean isLocalUrl(String url) {
            try {
                URI u = URI.create(url);
                String host = u.getHost();
                return "http".equalsIgnoreCase(u.getScheme()) && host != null
                        && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost"))
                        && u.getPort() == port();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public void postJson(String url, JsonNode body) {
            HttpClient c = callbackClient;
            if (c == null) {
                synchronized (InferenceEmulator.this) {
                    if (callbackClient == null) {
                        callbackClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                    }
                    c = callbackClient;
                }
            }
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
            c.sendAsync(req, HttpResponse.BodyHandlers.discarding());
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void requireStarted() {
        if (baseUrl == null) {
            throw new IllegalStateException("the emulator is not started");
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    // ---------------------------------------------------------------------------------------------- main

    /**
     * {@code java -jar inference-emulator.jar [--port 8787] [--api-key emulator-key] [--slow-model-millis 1500]
     * [--fault '{"status":429,"retryAfter":1,"count":1}']...}
     */
    public static void main(String[] args) throws Exception {
        Builder b = builder().port(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port":
                    b.port(Integer.parseInt(arg(args, ++i, a)));
                    break;
                case "--api-key":
                    b.apiKey(arg(args, ++i, a));
                    break;
                case "--slow-model-millis":
                    b.slowModelMillis(Long.parseLong(arg(args, ++i, a)));
                    break;
                case "--fault":
                    b.faults(FaultPlan.parse(Json.parseOrThrow(arg(args, ++i, a))));
                    break;
                case "-h":
                case "--help":
                    usage(System.out);
                    return;
                default:
                    System.err.println("unknown argument: " + a);
                    usage(System.err);
                    System.exit(2);
                    return;
            }
        }
        InferenceEmulator emu = b.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emu::close, "inference-emulator-shutdown"));
        System.out.println(emu.baseUrl());
        System.out.flush();
        System.err.println("inference emulator: providers " + emu.providers() + ", api key '" + emu.apiKey()
                + "', control API " + emu.baseUrl() + "/_emulator/stats");
        Thread.currentThread().join();
    }

    private static String arg(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar inference-emulator.jar [--port N (default 8787, 0 = free port)]"
                + " [--api-key K (default emulator-key)] [--slow-model-millis MS (default 1500)]"
                + " [--fault JSON]...");
    }

    /** Builder; {@link #build()} registers the providers, {@link InferenceEmulator#start()} binds the port. */
    public static final class Builder {
        private int port = 0;
        private String apiKey = DEFAULT_API_KEY;
        private long slowModelMillis = DEFAULT_SLOW_MODEL_MILLIS;
        private int threads = 32;
        private final List<FaultRule> faults = new ArrayList<>();
        private final List<EmulatorProvider> providers = new ArrayList<>();
        private boolean discoverProviders = true;

        /** 0 (the default for the builder) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder fault(FaultRule... rules) {
            faults.addAll(List.of(rules));
            return this;
        }

        public Builder faults(List<FaultRule> rules) {
            faults.addAll(rules);
            return this;
        }

        public Builder slowModelMillis(long millis) {
            this.slowModelMillis = millis;
            return this;
        }

        /** Worker threads of the HTTP server (default 32). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Adds (or replaces, by name) a provider. */
        public Builder provider(EmulatorProvider provider) {
            providers.add(provider);
            return this;
        }

        /** Whether to load providers with ServiceLoader (default true). */
        public Builder discoverProviders(boolean discover) {
            this.discoverProviders = discover;
            return this;
        }

        public InferenceEmulator build() {
            return new InferenceEmulator(this);
        }

        /** {@code build().start()}. */
        public InferenceEmulator start() {
            return build().start();
        }
    }
}
