package io.camelinference.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.reliability.PipelineHarness.Pipeline;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every logger at TRACE (HttpClient's headers and wire, Camel's property binding and routing, ours), each pipeline run
 * with faults, once with the emulator's key and once with a wrong key (refused with 401s), all output captured: neither
 * key appears anywhere. Runs in its own surefire execution, whose
 * system properties set every log level to TRACE before the first logger exists.
 */
@Tag("trace")
class SecretsAtTraceTest {

    @TempDir
    Path work;

    /** Runs the work with every log line the JVM writes captured; returns them. */
    private static String captured(ThrowingRunnable work) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            work.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void assertNoKey(String log, String key) {
        assertThat(log.length()).as("TRACE logging was on and captured").isGreaterThan(100_000);
        java.util.List<String> leaks = log.lines().filter(l -> l.contains(key))
                .map(l -> l.replace(key, "<THE KEY>")).map(l -> l.length() > 400 ? l.substring(0, 400) : l).toList();
        assertThat(leaks).as("log lines with the key").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theExampleApplicationOnCamelMainLogsItsKeyNowhere() throws Exception {
        String key = "sk-main-" + UUID.randomUUID();
        try (InferenceEmulator emulator = InferenceEmulator.builder().apiKey(key).start()) {
            Path inbox = Files.createDirectories(work.resolve("main/inbox"));
            Inputs.texts(inbox, 3);
            java.util.Map<String, String> props = java.util.Map.of(
                    "unitypredict.base-url", emulator.baseUrl() + "/api", "unitypredict.api-key", key,
                    "unitypredict.inbox", inbox.toString(), "unitypredict.outbox", work.resolve("main/out").toString(),
                    "unitypredict.error", work.resolve("main/error").toString(), "pipeline.copy-samples", "false",
                    "camel.main.durationMaxIdleSeconds", "3");
            props.forEach(System::setProperty);
            String log;
            try {
                log = captured(() -> io.camelinference.examples.pipeline.FilePipelineApplication.main(new String[0]));
            } finally {
                props.keySet().forEach(System::clearProperty);
            }
            assertThat(emulator.stats().billedUnits("unitypredict")).as("the pipeline ran on the key").isEqualTo(3);
            assertNoKey(log, key);
        }
    }

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void theKeyIsInNoLogLineAtAnyLevel(Pipeline pipeline) throws Exception {
        String key = "sk-trace-" + UUID.randomUUID();
        String log = captured(() -> run(pipeline, key));
        assertThat(log).as("HttpClient's header log ran").containsPattern(">> (Authorization|X-API-KEY): .*\\*\\*\\*\\*\\*\\*");
        assertNoKey(log, key);
    }

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void aWrongKeyIsInNoLogLineEither(Pipeline pipeline) throws Exception {
        String key = "sk-trace-" + UUID.randomUUID();
        String wrong = "sk-wrong-" + UUID.randomUUID();
        List<String> deadLetters = new ArrayList<>();
        String log = captured(() -> deadLetters.addAll(run(pipeline, key, wrong)));
        assertThat(deadLetters).as("every input refused, none delivered").hasSize(5);
        assertThat(deadLetters).as("the wrong key was answered 401").anyMatch(t -> t.contains("401"));
        assertThat(log).as("HttpClient's header log ran").containsPattern(">> (Authorization|X-API-KEY): .*\\*\\*\\*\\*\\*\\*");
        assertNoKey(log, wrong);
        assertNoKey(log, key);
    }

    private void run(Pipeline pipeline, String key) throws Exception {
        run(pipeline, key, key);
    }

    /**
     * The pipeline, with faults, on an emulator whose key is {@code key} and a component configured with
     * {@code clientKey}; returns the dead letters' reasons.
     */
    private List<String> run(Pipeline pipeline, String key, String clientKey) throws Exception {
        try (InferenceEmulator emulator = InferenceEmulator.builder().apiKey(key).start()) {
            emulator.faults().add(FaultRule.builder().provider(pipeline.scheme).status(503).rate(0.3).build());
            emulator.faults().add(FaultRule.builder().provider(pipeline.scheme).malformed(true).rate(0.2).build());
            Path staging = Files.createDirectories(work.resolve("staging"));
            var inputs = switch (pipeline) {
                case UNITYPREDICT -> Inputs.texts(staging, 5);
                case DEEPOMATIC -> Inputs.images(staging, 5);
                case ANNOLAB -> Inputs.letters(staging, 5);
            };
            try (PipelineHarness harness = new PipelineHarness(pipeline, emulator, work.resolve("run"), Map.of(),
                    clientKey)) {
                harness.drop(inputs);
                harness.awaitSettled(5, Duration.ofSeconds(60));
                if (!clientKey.equals(key)) {
                    assertThat(harness.delivered()).as("delivered with the wrong key").isZero();
                }
                return harness.deadLetterTexts();
            }
        }
    }
}
