package io.camelinference.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.reliability.PipelineHarness.Pipeline;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each shipped file pipeline, unchanged, against the emulator's fault mix (~20 % of calls): nothing lost, nothing
 * delivered twice, nothing billed twice; every input delivered except those whose job the service failed, whose
 * billed call's outcome is truly unknown (a service that offers no way to find the job), or whose unbilled call failed
 * all its attempts. {@code -Dchaos.inputs=1000}
 * runs the full suite; {@code mvn verify} a short one.
 */
class ChaosSuiteTest {

    static final int INPUTS = Integer.getInteger("chaos.inputs", 60);

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void aFifthOfCallsFaultedLosesNothingAndBillsNothingTwice(Pipeline pipeline) throws Exception {
        try (InferenceEmulator emulator = InferenceEmulator.builder().apiKey("sk-chaos-" + UUID.randomUUID())
                .slowModelMillis(300).start()) {
            emulator.faults().addAll(FaultMix.forProvider(pipeline.scheme));
            Path staging = Files.createDirectories(work.resolve("staging"));
            List<Path> inputs = switch (pipeline) {
                case UNITYPREDICT -> Inputs.texts(staging, INPUTS);
                case DEEPOMATIC -> Inputs.images(staging, INPUTS);
                case ANNOLAB -> Inputs.letters(staging, INPUTS);
            };
            Figures figures;
            try (PipelineHarness harness = new PipelineHarness(pipeline, emulator, work.resolve("run"), Map.of())) {
                harness.drop(inputs);
                harness.awaitSettled(INPUTS, Duration.ofSeconds(60 + INPUTS / 2));
                figures = harness.figures("~20% faults", INPUTS, emulator.stats().billedUnits(pipeline.scheme),
                        emulator.stats().duplicateBilled(pipeline.scheme));
                ChaosReport.add(figures);
                harness.deadLetterTexts().forEach(r -> System.out.println("DEAD " + pipeline.scheme + ": "
                        + r.lines().findFirst().orElse("").substring(0, Math.min(300, r.lines().findFirst().orElse("").length()))));
                for (String reason : harness.deadLetterTexts()) {
                    // Besides those, at 1,000 inputs: a call that is safe to send again but failed every one of its
                    // maxRetries + 1 attempts (each faulted with ~20 % odds: a few calls in a thousand inputs). It
                    // says so, and a call retried like that never billed: billed calls are not re-sent once received.
                    assertThat(reason).as("dead letters only where the service failed the job, the outcome of a"
                            + " billed call is truly unknown, or a call that bills nothing used up its retries")
                            .containsAnyOf("ended in state", "outcome is unknown", "outcome unknown", "gave up after");
                }
            }
            assertThat(figures.lost()).as("lost").isZero();
            assertThat(figures.duplicates()).as("delivered twice").isZero();
            assertThat(figures.duplicateBilled()).as("billed twice").isZero();
            assertThat(figures.delivered() + figures.deadLetteredTotal()).isEqualTo(INPUTS);
        }
    }
}
