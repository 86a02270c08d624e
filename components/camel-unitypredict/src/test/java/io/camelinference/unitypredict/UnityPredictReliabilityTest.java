package io.camelinference.unitypredict;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.unitypredict.UnityPredictProvider;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billed calls whose answer is lost are recovered by asking the service, never by paying twice; bad input is refused
 * before anything is billed; a failed download leaves nothing half-written.
 */
class UnityPredictReliabilityTest extends UnityPredictTestSupport {

    private static final String PREDICT_HEART = "/api/predict/heart-risk/*";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    /** A message that can be recognised again (here by its key, in pipelines by its file). */
    private Exchange keyed(String key) {
        return template.request("unitypredict:predict?modelId=heart-risk", e -> {
            e.getMessage().setBody(Map.of("Age", 61, "Chol", 120));
            e.getMessage().setHeader(UnityPredictConstants.JOB_KEY, key);
        });
    }

    @Test
    void aBilledAnswerLostInTransitIsRecoveredByAskingNotByPayingAgain() {
        fault(FaultRule.builder().method("POST").path(PREDICT_HEART).drop(true).afterProcessing(true).count(1));

        Exchange out = keyed("order-1");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(UnityPredictResponse.class).status()).isEqualTo("Completed");
        assertThat(calls(INITIALIZE)).isEqualTo(1);
        assertThat(calls(PREDICT_WITH_REQUEST)).as("the billed call went once").isEqualTo(1);
        assertThat(calls(STATUS)).as("the lost answer was asked for").isGreaterThanOrEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aBilledCallThatNeverReachedTheModelIsSubmittedAgainAfterAsking() {
        // dropped before the service processed it: the request id is known, the status says it was never predicted
        fault(FaultRule.builder().method("POST").path(PREDICT_HEART).drop(true).count(1));

        Exchange out = keyed("order-2");

        assertThat(out.getException()).isNull();
        assertThat(emulator.stats().count(UnityPredictProvider.NAME, UnityPredictProvider.STATUS_OF_UNPREDICTED))
                .as("asked about the request id, and heard it was never predicted, before sending again").isEqualTo(1);
        assertThat(calls(PREDICT_WITH_REQUEST)).isEqualTo(2);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void a5xxAfterTheBilledCallIsReconciledToo() {
        fault(FaultRule.builder().method("POST").path(PREDICT_HEART).status(502).afterProcessing(true).count(1));

        Exchange out = keyed("order-3");

        assertThat(out.getException()).isNull();
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void bodiesThatCannotBeSentAsMeantAreRefusedBeforeAnyCallNamingWhatIsAccepted() {
        for (Object body : new Object[] { 42, List.of(1, 2), new Object(), "[1,2]", Map.of() }) {
            Exchange out = template.request("unitypredict:predict?modelId=heart-risk", e -> e.getMessage().setBody(body));
            assertThat(out.getException()).as(String.valueOf(body)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Map of input values").hasMessageNotContaining("Jackson");
        }
        assertThat(emulator.stats().totalCalls("unitypredict")).isZero();
    }

    @Test
    void emptyFilesAreRefusedBeforeAnythingIsBilled() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        String uri = "unitypredict:predict?modelId=text-summary&fileInputName=InputFile";
        for (Object body : new Object[] { empty.toFile(), empty, new byte[0] }) {
            Exchange out = template.request(uri, e -> e.getMessage().setBody(body));
            assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        }
        assertThat(emulator.stats().totalCalls("unitypredict")).isZero();

        // a stream's length is known only once spooled: refused before the billed call
        Exchange stream = template.request(uri, e -> e.getMessage().setBody(new ByteArrayInputStream(new byte[0])));
        assertThat(stream.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThat(billed()).isZero();
        assertThat(calls(PREDICT_WITH_REQUEST)).isZero();
    }

    @Test
    void aFailedDownloadFailsTheMessageAndLeavesNoOutputBehind() throws Exception {
        fault(FaultRule.builder().method("GET").path("/api/predict/download/**").status(500).count(10));
        Path out = dir.resolve("out");
        Exchange failed = template.request("unitypredict:predict?modelId=text-summary&fileInputName=InputFile"
                + "&outputDirectory=" + out, e -> e.getMessage().setBody("Some text to summarise.".getBytes()));
        assertThat(failed.getException()).isNotNull();
        try (var files = Files.list(Files.createDirectories(out))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void outputNamesThatSanitiseAlikeGetDistinctFiles() {
        Set<Path> taken = new HashSet<>();
        Path a = io.camelinference.unitypredict.operation.OutputFiles.distinct(dir, "a/report.txt", taken);
        Path b = io.camelinference.unitypredict.operation.OutputFiles.distinct(dir, "b/report.txt", taken);
        Path c = io.camelinference.unitypredict.operation.OutputFiles.distinct(dir, "../report.txt", taken);
        assertThat(List.of(a.getFileName().toString(), b.getFileName().toString(), c.getFileName().toString()))
                .containsExactly("report.txt", "report-2.txt", "report-3.txt");
        assertThat(a.getParent()).isEqualTo(dir.toAbsolutePath().normalize());
    }
}
