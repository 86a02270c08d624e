package io.camelinference.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.camelinference.emulator.internal.DaemonThreads;

/** The JDK HTTP server on 127.0.0.1 with a bounded worker pool, tuned so that it is never a measurement's bottleneck. */
final class EmulatorServer {

    static final String NODELAY = "sun.net.httpserver.nodelay";
    static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";
    /** Kept-alive connections the server holds; the JDK's 200 closes connections of a larger client pool. */
    static final String DEFAULT_MAX_IDLE_CONNECTIONS = "4096";
    private static final int BACKLOG = 256;

    private final HttpServer server;
    private final ThreadPoolExecutor workers;

    private EmulatorServer(HttpServer server, ThreadPoolExecutor workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Binds the port (0 picks a free one) without accepting calls yet, so the port is known before the first call. */
    static EmulatorServer bind(int port, int threads, HttpHandler handler) throws IOException {
        tuneJdkServer();
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("inference-emulator-http"));
        s.setExecutor(pool);
        s.createContext("/", handler);
        return new EmulatorServer(s, pool);
    }

    /**
     * The JDK reads these once, when its server classes initialise, so they are set before the first server of the JVM.
     * Without TCP_NODELAY every answer on a kept-alive connection stalls about 40 ms. A user's own idle-connection limit
     * is left as it is.
     */
    static void tuneJdkServer() {
        System.setProperty(NODELAY, "true");
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, DEFAULT_MAX_IDLE_CONNECTIONS);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
        workers.shutdownNow();
    }
}
