package io.camelinference.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.InferenceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example application (the shipped pipelines in a JVM of their own) killed with SIGKILL while billed calls are in
 * flight, then started again on the same folders and job store: every input is delivered once and nothing is billed
 * twice, because the request id or source name was stored before the billed call and the restarted JVM asks the service
 * about it instead of paying again.
 */
class KillDashNineTest {

    @TempDir
    Path work;

    enum Service {
        UNITYPREDICT("unitypredict", "/api", "/api/predict/**", ".json"),
        ANNOLAB("annolab", "", "/v1/**", ".annotations.json");

        final String scheme;
        final String apiPath;
        final String billedPaths;
        final String resultSuffix;

        Service(String scheme, String apiPath, String billedPaths, String resultSuffix) {
            this.scheme = scheme;
            this.apiPath = apiPath;
            this.billedPaths = billedPaths;
            this.resultSuffix = resultSuffix;
        }
    }

    private Process start(Service service, InferenceEmulator emulator, Path run) throws IOException {
        Path jar = Paths.get(System.getProperty("pipeline.jar", "../examples/file-pipeline/target/file-pipeline.jar"));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dpipeline.copy-samples=false",
                "-D" + service.scheme + ".base-url=" + emulator.baseUrl() + service.apiPath,
                "-D" + service.scheme + ".api-key=" + emulator.apiKey(),
                "-D" + service.scheme + ".inbox=" + run.resolve("inbox"),
                "-D" + service.scheme + ".outbox=" + run.resolve("outbox"),
                "-D" + service.scheme + ".error=" + run.resolve("error"),
                "-Dcamel.component." + service.scheme + ".job-store-file=" + run.resolve("state/jobs"),
                // a UnityPredict message resumed in "submitting" waits as long as a predict sent before the kill
                // could take to land (one attempt's bound) before it pays again: 15 s here instead of 120 s
                "-Dcamel.component." + service.scheme + ".request-timeout=15000",
                "-jar", jar.toAbsolutePath().toString()));
        return new ProcessBuilder(command).directory(run.toFile()).redirectErrorStream(true)
                .redirectOutput(run.resolve("app-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static long count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private void killMidRun(Service service, int inputs) throws Exception {
        try (InferenceEmulator emulator = InferenceEmulator.builder().apiKey("sk-kill-" + UUID.randomUUID())
                .slowModelMillis(500).start()) {
            // every billed call takes a while, so the kill finds some on the wire
            emulator.faults().add(FaultRule.builder().provider(service.scheme).method("POST").path(service.billedPaths)
                    .latencyMs(150).build());
            Path run = Files.createDirectories(work.resolve(service.scheme));
            Path inbox = Files.createDirectories(run.resolve("inbox"));
            Path staging = Files.createDirectories(run.resolve("staging"));
            List<Path> files = service == Service.UNITYPREDICT ? Inputs.texts(staging, inputs)
                    : Inputs.letters(staging, inputs);
            for (Path f : files) {
                Files.move(f, inbox.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }

            Process first = start(service, emulator, run);
            await().atMost(Duration.ofSeconds(90)).until(() -> count(run.resolve("outbox"), service.resultSuffix)
                    >= inputs / 4);
            first.destroyForcibly().waitFor();
            long deliveredBeforeKill = count(run.resolve("outbox"), service.resultSuffix);

            Process second = start(service, emulator, run);
            try {
                await().atMost(Duration.ofSeconds(180)).until(() -> count(run.resolve("outbox"), service.resultSuffix)
                        + count(run.resolve("error"), ".error.txt") >= inputs && count(inbox, "") == 0);
            } finally {
                second.destroy();
                second.waitFor();
            }
            long delivered = count(run.resolve("outbox"), service.resultSuffix);
            long dead = count(run.resolve("error"), ".error.txt");
            Figures figures = new Figures(service.scheme, "kill -9 after " + deliveredBeforeKill + " results", inputs,
                    (int) delivered, dead == 0 ? Map.of() : Map.of("outcome unknown", (int) dead),
                    (int) (inputs - delivered - dead), 0, emulator.stats().billedUnits(service.scheme),
                    emulator.stats().duplicateBilled(service.scheme), 0);
            ChaosReport.add(figures);
            assertThat(figures.duplicateBilled()).as("billed twice").isZero();
            assertThat(figures.lost()).as("lost").isZero();
            if (service == Service.UNITYPREDICT) {
                assertThat(dead).as("UnityPredict reconciles every in-flight call by its request id").isZero();
            }
        }
    }

    @Test
    void unityPredictKilledWithBilledCallsInFlightBillsNothingTwice() throws Exception {
        killMidRun(Service.UNITYPREDICT, ChaosSuiteTest.INPUTS >= 1000 ? 200 : 40);
    }

    @Test
    void annoLabKilledWithBilledCallsInFlightBillsNothingTwice() throws Exception {
        killMidRun(Service.ANNOLAB, ChaosSuiteTest.INPUTS >= 1000 ? 200 : 40);
    }
}
