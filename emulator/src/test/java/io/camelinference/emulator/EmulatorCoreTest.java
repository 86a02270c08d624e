package io.camelinference.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facade's own behaviour: waiting for webhook deliveries, the JDK server's tuning, the command line. */
class EmulatorCoreTest {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Test
    void awaitSinkReturnsWhenTheDeliveryArrivesAndWhatThereIsAtTimeout() throws Exception {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            // the delivery arrives while awaitSink waits
            later.schedule(() -> post("hooks", "{\"n\":1}"), 150, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            List<SinkDelivery> one = emulator.emulator().awaitSink("hooks", 1, Duration.ofSeconds(30));
            assertThat(one).hasSize(1);
            assertThat(one.get(0).json().get("n").asInt()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));

            long t1 = System.nanoTime();
            List<SinkDelivery> stillOne = emulator.emulator().awaitSink("hooks", 2, Duration.ofMillis(200));
            assertThat(stillOne).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - t1)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            assertThat(emulator.emulator().awaitSink("other", 0, Duration.ofSeconds(30))).isEmpty();
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void theJdkServerKeepsManyIdleConnectionsUnlessTheUserSaidOtherwise() {
        // the emulator above has started: the JDK's 200 would close the connections of a large client pool
        assertThat(System.getProperty(EmulatorServer.MAX_IDLE_CONNECTIONS)).isNotNull();
        assertThat(System.getProperty(EmulatorServer.NODELAY)).isEqualTo("true");
        String before = System.getProperty(EmulatorServer.MAX_IDLE_CONNECTIONS);
        try {
            System.clearProperty(EmulatorServer.MAX_IDLE_CONNECTIONS);
            EmulatorServer.tuneJdkServer();
            assertThat(System.getProperty(EmulatorServer.MAX_IDLE_CONNECTIONS)).isEqualTo("4096");
            System.setProperty(EmulatorServer.MAX_IDLE_CONNECTIONS, "77");
            EmulatorServer.tuneJdkServer();
            assertThat(System.getProperty(EmulatorServer.MAX_IDLE_CONNECTIONS)).isEqualTo("77");
        } finally {
            System.setProperty(EmulatorServer.MAX_IDLE_CONNECTIONS, before);
        }
    }

    @Test
    void theCommandLineIsReachableThroughTheFacade() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            InferenceEmulator.main(new String[] {"--help"});
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar inference-emulator.jar")
                .contains("--port").contains("--threads").contains("--fault");
    }

    private static void post(String sink, String json) {
        try {
            HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(emulator.sinkUrl(sink)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
