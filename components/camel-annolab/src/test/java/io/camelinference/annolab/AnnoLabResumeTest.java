package io.camelinference.annolab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceOutcomeUnknownException;
import io.camelinference.common.job.FileJobStore;
import io.camelinference.common.job.MemoryJobStore;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos-test issue: no billed job that cannot be waited for; no second source after a crash between creating a
 * source and storing its id; no second billed job when the answer to infer/batch was lost. Crashes are reproduced by
 * the state a crash leaves in the job store (a claim written before the call), pre-populated in a FileJobStore.
 */
class AnnoLabResumeTest extends AnnoLabTestSupport {

    static final String LETTER = "Acme Corporation invoices Initech";

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(200));

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange send(String uri, String key) {
        return template.request(uri, e -> {
            e.getMessage().setBody(LETTER);
            e.getMessage().setHeader(AnnoLabConstants.JOB_KEY, key);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<AnnoLabAnnotation> annotated(Exchange out) {
        assertThat(out.getException()).isNull();
        List<AnnoLabAnnotation> annotations = out.getMessage().getBody(List.class);
        assertThat(annotations).extracting(AnnoLabAnnotation::value).containsExactly("Acme Corporation", "Initech");
        return annotations;
    }

    /** Writes the state a crash left for the message with this key, as the component would have stored it. */
    private String storeWith(String key, String state) {
        Path file = dir.resolve("annolab.jobs");
        FileJobStore store = new FileJobStore(file, Duration.ofDays(1));
        store.start();
        store.put(ENTITIES_SCOPE + key, state);
        store.stop();
        return ENTITIES + "&jobStoreFile=" + file;
    }

    private long createSource(String name) {
        Exchange created = template.request("annolab:create-source?" + TARGET, e -> {
            e.getMessage().setBody(LETTER);
            e.getMessage().setHeader(AnnoLabConstants.SOURCE_NAME, name);
        });
        assertThat(created.getException()).isNull();
        return created.getMessage().getBody(AnnoLabSource.class).id();
    }

    // ---- the deadline ------------------------------------------------------------------------------------------

    @Test
    void theBilledJobIsNotStartedOnceWaitTimeoutHasPassedAndTheNextAttemptResumesFromTheSource() {
        context.getRegistry().bind("store", new MemoryJobStore(Duration.ofHours(1)));
        String uri = ENTITIES + "&jobStore=#store&waitTimeout=1s";
        // creating the source takes longer than the message may wait in all
        fault(FaultRule.builder().method("POST").path("/v1/source/create-text").latencyMs(1500).count(1));

        Exchange late = send(uri, "late-1");

        assertThat(late.getException()).isExactlyInstanceOf(InferenceException.class)
                .hasMessageContaining("waitTimeout 1000 ms passed before the billed POST /v1/infer/batch")
                .hasMessageContaining("nothing was billed").hasMessageContaining("next attempt");
        assertThat(calls(INFER)).isZero();
        assertThat(billed()).isZero();
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        List<?> sourceIds = late.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class);
        assertThat(sourceIds).hasSize(1);

        Exchange again = send(ENTITIES + "&jobStore=#store", "late-1");

        annotated(again);
        assertThat(again.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class)).isEqualTo(sourceIds);
        assertThat(calls(CREATE_TEXT)).as("resumed from the source, not a second one").isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void withoutWaitingThereIsNoDeadlineToMissAndTheJobIsStarted() {
        fault(FaultRule.builder().method("POST").path("/v1/source/create-text").latencyMs(1200).count(1));

        Exchange out = send(ENTITIES + "&waitTimeout=1s&waitForCompletion=false", "late-2");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AnnoLabConstants.STATUS)).isEqualTo("Queued");
        assertThat(billed()).isEqualTo(1);
    }

    // ---- crash between creating a source and storing its id -------------------------------------------------

    @Test
    void aCrashWhileCreatingTheSourceIsResumedByFindingItByNameNotByASecondSource() {
        long id = createSource("order-9.txt");
        String uri = storeWith("order-9", "{\"phase\":\"CREATING_SOURCE\",\"sourceName\":\"order-9.txt\"}");

        Exchange out = send(uri, "order-9");

        assertThat(annotated(out)).extracting(AnnoLabAnnotation::sourceId).containsOnly(id);
        assertThat(out.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class)).containsExactly(id);
        assertThat(calls(CREATE_TEXT)).as("only the source made before the crash").isEqualTo(1);
        assertThat(calls(FIND_SOURCE)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
    }

    @Test
    void aCrashBeforeTheSourceWasCreatedCreatesItUnderTheStoredName() {
        String uri = storeWith("order-10", "{\"phase\":\"CREATING_SOURCE\",\"sourceName\":\"order-10.txt\"}");

        Exchange out = send(uri, "order-10");

        assertThat(annotated(out)).extracting(AnnoLabAnnotation::sourceName).containsOnly("order-10.txt");
        assertThat(calls(FIND_SOURCE)).isEqualTo(1);
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
    }

    // ---- crash or lost answer while submitting the billed job ------------------------------------------------

    @Test
    void aMessageThatMayHaveBeenBilledIsRefusedSayingTheOutcomeIsUnknownUntilANewKeySubmitsOnPurpose() {
        long id = createSource("order-7.txt");
        String uri = storeWith("order-7", "{\"phase\":\"SUBMITTING_JOB\",\"sourceName\":\"order-7.txt\",\"sourceIds\":["
                + id + "],\"claimedAt\":" + System.currentTimeMillis() + "}");

        for (int attempt = 0; attempt < 2; attempt++) {
            Exchange refused = send(uri, "order-7");
            assertThat(refused.getException()).isExactlyInstanceOf(InferenceOutcomeUnknownException.class)
                    .hasMessageContaining("outcome is unknown").hasMessageContaining("may already be billed")
                    .hasMessageContaining("not sent again").hasMessageContaining("new CamelAnnoLabJobKey");
            assertThat(refused.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class)).containsExactly(id);
        }
        assertThat(calls(INFER)).isZero();
        assertThat(billed()).isZero();
        assertThat(calls(CREATE_TEXT)).as("the refusal does not create either").isEqualTo(1);

        annotated(send(uri, "order-7-on-purpose"));
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void anExpiredClaimIsRefusedOnceMoreThenForgotten() {
        long id = createSource("order-8.txt");
        long twoDaysAgo = System.currentTimeMillis() - Duration.ofDays(2).toMillis();
        String uri = storeWith("order-8", "{\"phase\":\"SUBMITTING_JOB\",\"sourceName\":\"order-8.txt\",\"sourceIds\":["
                + id + "],\"claimedAt\":" + twoDaysAgo + "}");

        assertThat(send(uri, "order-8").getException()).hasMessageContaining("outcome is unknown");

        annotated(send(uri, "order-8"));
        assertThat(calls(CREATE_TEXT)).as("a new message after the claim's jobStateTtl").isEqualTo(2);
        assertThat(billed()).isEqualTo(1);
    }
}
