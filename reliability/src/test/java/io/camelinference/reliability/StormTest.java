package io.camelinference.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.reliability.PipelineHarness.Pipeline;
import io.camelinference.unitypredict.UnityPredictComponent;
import io.camelinference.unitypredict.UnityPredictConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate-limit storms are ridden out, not dead-lettered: the whole service pauses together and one probe goes first, and
 * a paid job's status checks back off until its deadline instead of abandoning it.
 */
class StormTest {

    static final boolean FULL = ChaosSuiteTest.INPUTS >= 1000;
    static final int UNSPENT = Integer.MAX_VALUE;

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        clock.shutdownNow();
    }

    /**
     * Adds the rule now and removes every fault when the storm is over. The rule is given a count the storm never
     * spends, only to read at its end how many requests it answered: the 429s actually served.
     */
    private ScheduledFuture<Integer> storm(InferenceEmulator emulator, FaultRule.Builder rule, Duration length) {
        emulator.faults().add(rule.count(UNSPENT).build());
        return clock.schedule(() -> {
            int served = UNSPENT - emulator.faults().toJson().get(0).get("remaining").asInt();
            emulator.faults().clear();
            return served;
        }, length.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void a429StormShorterThanTheRetryBudgetCostsNoDeadLetters() throws Exception {
        int inputs = FULL ? 1000 : 200;
        Duration length = Duration.ofSeconds(FULL ? 10 : 4);
        try (InferenceEmulator emulator = InferenceEmulator.builder().apiKey("sk-storm-" + UUID.randomUUID()).start()) {
            List<Path> files = Inputs.texts(Files.createDirectories(work.resolve("staging")), inputs);
            try (PipelineHarness harness = new PipelineHarness(Pipeline.UNITYPREDICT, emulator, work.resolve("run"),
                    Map.of())) {
                ScheduledFuture<Integer> served = storm(emulator, FaultRule.builder().provider("unitypredict")
                        .status(429).retryAfter(1), length);
                harness.drop(files);
                harness.awaitSettled(inputs, Duration.ofSeconds(120));
                Figures figures = harness.figures(length.toSeconds() + " s 429 storm", inputs,
                        emulator.stats().billedUnits("unitypredict"), emulator.stats().duplicateBilled("unitypredict"));
                ChaosReport.add(figures);
                assertThat(figures.deadLetteredTotal()).as("dead letters").isZero();
                assertThat(figures.lost()).isZero();
                assertThat(figures.delivered()).isEqualTo(inputs);
                assertThat(figures.duplicateBilled()).isZero();
                assertThat(served.get(30, TimeUnit.SECONDS)).as("429s served during the storm").isPositive();
                // each input starts with an initialize call, the first ones in the storm: refused and sent again
                assertThat(emulator.stats().calls("unitypredict", "POST /api/predict/initialize/{modelId}"))
                        .as("initialize calls").isGreaterThan(inputs);
            }
        }
    }

    @Test
    void aStormOnStatusChecksAbandonsNoPaidJob() throws Exception {
        int jobs = FULL ? 200 : 50;
        Duration length = Duration.ofSeconds(FULL ? 30 : 5);
        try (InferenceEmulator emulator = InferenceEmulator.builder().apiKey("sk-storm-" + UUID.randomUUID())
                .slowModelMillis(1000).start()) {
            DefaultCamelContext camel = new DefaultCamelContext();
            UnityPredictComponent component = new UnityPredictComponent();
            component.getConfiguration().setBaseUrl(emulator.baseUrl() + "/api");
            component.getConfiguration().setApiKey(emulator.apiKey());
            component.getConfiguration().setPollInitialDelay(200);
            component.getConfiguration().setPollMaxInterval(1000);
            component.getConfiguration().setWaitTimeout(Duration.ofSeconds(120).toMillis());
            camel.addComponent("unitypredict", component);
            camel.start();
            try {
                ScheduledFuture<Integer> served = storm(emulator, FaultRule.builder().provider("unitypredict")
                        .method("GET").path("/api/predict/status/*").status(429).retryAfter(1), length);
                ProducerTemplate template = camel.createProducerTemplate();
                List<CompletableFuture<Exchange>> sent = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    int n = i;
                    sent.add(template.asyncSend("unitypredict:predict?modelId=sentiment-slow", e -> {
                        e.getMessage().setBody(Map.of("Text", "a lovely great day number " + n));
                        e.getMessage().setHeader(UnityPredictConstants.JOB_KEY, "job-" + n);
                    }));
                }
                long failed = 0;
                for (CompletableFuture<Exchange> f : sent) {
                    if (f.get(180, TimeUnit.SECONDS).getException() != null) {
                        failed++;
                    }
                }
                ChaosReport.add(new Figures("unitypredict", length.toSeconds() + " s 429 storm on status checks", jobs,
                        (int) (jobs - failed), failed == 0 ? Map.of() : Map.of("failed", (int) failed), 0, 0,
                        emulator.stats().billedUnits("unitypredict"), emulator.stats().duplicateBilled("unitypredict"),
                        0));
                assertThat(failed).as("paid jobs abandoned").isZero();
                assertThat(emulator.stats().billedUnits("unitypredict")).isEqualTo(jobs);
                assertThat(served.get(30, TimeUnit.SECONDS)).as("429s served to status checks during the storm")
                        .isPositive();
            } finally {
                camel.stop();
            }
        }
    }
}
