package io.camelinference.annolab;

import java.nio.file.Path;
import java.util.List;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceOutcomeUnknownException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.spi.JobFault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault in each step of the chain: it is retried where that is safe, fails clearly where it is not, and a
 * redelivered message resumes where it stopped; never a second source or job for one message (emulator stats).
 */
class AnnoLabFaultsTest extends AnnoLabTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(200));

    @TempDir
    Path temp;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // redeliveries reprocess the same message: the chain must resume, not start over
                from("direct:redelivered").errorHandler(defaultErrorHandler().maximumRedeliveries(2)
                        .redeliveryDelay(50)).to(ENTITIES);
            }
        };
    }

    private Exchange send(String uri, String key) {
        return template.request(uri, e -> {
            e.getMessage().setBody("Acme Corporation invoices Initech");
            e.getMessage().setHeader(AnnoLabConstants.JOB_KEY, key);
        });
    }

    @SuppressWarnings("unchecked")
    private static void assertAnnotated(Exchange out) {
        assertThat(out.getException()).isNull();
        assertThat((List<AnnoLabAnnotation>) out.getMessage().getBody(List.class)).extracting(AnnoLabAnnotation::value)
                .containsExactly("Acme Corporation", "Initech");
    }

    private void fault(String method, String path, FaultRule.Builder rule) {
        fault(rule.method(method).path(path));
    }

    // ---- source ------------------------------------------------------------------------------------------------

    @Test
    void a429OnCreateTextIsRetried() {
        fault("POST", "/v1/source/create-text", FaultRule.builder().status(429).retryAfter(0).count(1));

        assertAnnotated(send(ENTITIES, "m1"));
        assertThat(calls(CREATE_TEXT)).isEqualTo(2);
        assertThat(calls(INFER)).isEqualTo(1);
    }

    /**
     * Changed with the crash-window fix: a lost answer to create-text used to fail the message (and its redelivery
     * created a second source); now the source is looked up by the name the chain stored before creating it.
     */
    @Test
    void a5xxAfterCreateTextIsAnsweredByLookingTheNameUpNotByASecondSource() {
        fault("POST", "/v1/source/create-text", FaultRule.builder().status(500).afterProcessing(true).count(1));

        Exchange out = send(ENTITIES, "m2");

        assertAnnotated(out);
        assertThat(calls(CREATE_TEXT)).as("create-text is never re-sent: one source").isEqualTo(1);
        assertThat(calls(FIND_SOURCE)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aDroppedAnswerToCreateTextIsFoundByNameAndTheMessageCompletesWithOneSource() {
        fault("POST", "/v1/source/create-text", FaultRule.builder().drop(true).afterProcessing(true).count(1));

        Exchange out = send(ENTITIES, "m2b");

        assertAnnotated(out);
        @SuppressWarnings("unchecked")
        List<Long> sourceIds = out.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class);
        @SuppressWarnings("unchecked")
        List<AnnoLabAnnotation> annotations = out.getMessage().getBody(List.class);
        assertThat(sourceIds).hasSize(1);
        assertThat(annotations).extracting(AnnoLabAnnotation::sourceId).containsOnly(sourceIds.get(0));
        assertThat(annotations.get(0).sourceName()).startsWith("document-").endsWith(".txt");
        assertThat(calls(CREATE_TEXT)).as("the one create-text created the one source").isEqualTo(1);
        assertThat(calls(FIND_SOURCE)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
    }

    @Test
    void aDroppedAnswerToCreatePdfIsFoundByNameToo() throws Exception {
        Path pdf = pdf(temp.resolve("dropped.pdf"), "Acme Corporation invoices Initech");
        fault("POST", "/v1/source/create-pdf", FaultRule.builder().drop(true).afterProcessing(true).count(1));

        Exchange out = template.request(ENTITIES, e -> e.getMessage().setBody(pdf.toFile()));

        assertAnnotated(out);
        assertThat(calls(CREATE_PDF)).isEqualTo(1);
        assertThat(calls(UPLOAD)).isEqualTo(1);
        assertThat(calls(FIND_SOURCE)).isEqualTo(1);
    }

    @Test
    void aCreateTextThatNeverArrivedIsLookedUpThenSentAgain() {
        // a 502 before processing: the chain cannot tell whether it was created, so it looks the name up; nothing
        // was, so the source is created, once
        fault("POST", "/v1/source/create-text", FaultRule.builder().status(502).count(1));

        assertAnnotated(send(ENTITIES, "m2c"));
        assertThat(calls(CREATE_TEXT)).isEqualTo(2);
        assertThat(calls(FIND_SOURCE)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
    }

    @Test
    void aFailedPdfUploadIsRetriedWithoutANewSource() throws Exception {
        Path pdf = pdf(temp.resolve("p.pdf"), "Acme Corporation invoices Initech");
        fault("PUT", "/_emulator/annolab/upload/*", FaultRule.builder().status(503).count(1));

        Exchange out = template.request(ENTITIES, e -> e.getMessage().setBody(pdf.toFile()));

        assertAnnotated(out);
        assertThat(calls(INIT_PDF)).isEqualTo(1);
        assertThat(calls(UPLOAD)).isEqualTo(2);
        assertThat(calls(CREATE_PDF)).isEqualTo(1);
    }

    // ---- inference job -----------------------------------------------------------------------------------------

    @Test
    void aRefusedInferenceIsRedeliveredOnTheSameSource() {
        fault("POST", "/v1/infer/batch", FaultRule.builder().status(503).count(1));

        assertAnnotated(send("direct:redelivered", "m3"));
        assertThat(calls(CREATE_TEXT)).as("one source").isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(2);
        assertThat(billed()).as("one job").isEqualTo(1);
    }

    @Test
    void aLostAnswerToTheBilledInferenceIsNotResent() {
        fault("POST", "/v1/infer/batch", FaultRule.builder().drop(true).afterProcessing(true).count(1));

        Exchange out = send(ENTITIES, "m4");

        assertThat(out.getException()).hasMessageContaining("not re-sent");
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);

        // the next attempt of the message does not guess either: the outcome is unknown, it says so
        Exchange again = send(ENTITIES, "m4");
        assertThat(again.getException()).isExactlyInstanceOf(InferenceOutcomeUnknownException.class)
                .hasMessageContaining("outcome is unknown").hasMessageContaining("CamelAnnoLabJobKey");
        assertThat(again.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class))
                .isEqualTo(out.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class));
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void a500AfterTheBilledInferenceIsAnUnknownOutcomeNotARefusal() {
        fault("POST", "/v1/infer/batch", FaultRule.builder().status(500).afterProcessing(true).count(1));

        assertThat(send("direct:redelivered", "m4b").getException()).isExactlyInstanceOf(InferenceOutcomeUnknownException.class)
                .hasMessageContaining("outcome is unknown");
        assertThat(calls(INFER)).as("redeliveries never re-send it").isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void statusChecksRideOutServerErrors() {
        fault("GET", "/v1/infer/batch/*", FaultRule.builder().status(503).count(2));

        assertAnnotated(send(ENTITIES, "m5"));
        assertThat(calls(INFER_STATUS)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anErroredJobRaisesJobFailedAndTheNextAttemptReusesTheSource() {
        fault("POST", "/v1/infer/batch", FaultRule.builder().job(JobFault.ERROR).count(1));

        Exchange out = send(ENTITIES, "m6");

        assertThat(out.getException()).isInstanceOf(InferenceJobFailedException.class);
        InferenceJobFailedException failed = (InferenceJobFailedException) out.getException();
        List<?> sourceIds = out.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class);
        assertThat(failed.getJobId()).isEqualTo(out.getMessage().getHeader(AnnoLabConstants.JOB_ID, String.class));
        assertThat(failed.getStatus()).isEqualTo("Errored");
        assertThat(failed.getMessage()).contains("sources " + sourceIds).contains("Injected fault");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.STATUS)).isEqualTo("Errored");
        assertThat(calls(EXPORT)).isZero();

        Exchange again = send(ENTITIES, "m6");

        assertAnnotated(again);
        assertThat(again.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class)).isEqualTo(sourceIds);
        assertThat(calls(CREATE_TEXT)).as("still one source").isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(2);
    }

    @Test
    void aJobThatNeverFinishesTimesOutWithinWaitTimeoutWithItsId() {
        fault("POST", "/v1/infer/batch", FaultRule.builder().job(JobFault.NEVER).count(1));

        long t0 = System.nanoTime();
        Exchange out = send(ENTITIES + "&waitTimeout=1s", "m7");

        assertThat(out.getException()).isInstanceOf(InferenceJobTimeoutException.class);
        assertThat(((InferenceJobTimeoutException) out.getException()).getJobId())
                .isEqualTo(out.getMessage().getHeader(AnnoLabConstants.JOB_ID, String.class));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }

    // ---- export ------------------------------------------------------------------------------------------------

    @Test
    void aRefusedExportIsRedeliveredWithoutASecondJob() {
        fault("POST", "/v1/export/project", FaultRule.builder().status(503).count(1));

        assertAnnotated(send("direct:redelivered", "m8"));
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(calls(EXPORT)).isEqualTo(2);
    }

    @Test
    void anErroredExportIsStartedAgainAtOnceWithoutASecondJob() {
        // exports are free: the one the service failed is replaced in the same attempt
        fault("POST", "/v1/export/project", FaultRule.builder().job(JobFault.ERROR).count(1));

        assertAnnotated(send(ENTITIES, "m9"));
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(calls(EXPORT)).isEqualTo(2);
        assertThat(calls(DOWNLOAD)).as("only the good export downloaded").isEqualTo(1);
    }

    @Test
    void anExportTheServiceKeepsFailingFailsTheMessageWithJobFailedAndTheNextAttemptOnlyExportsAgain() {
        fault("POST", "/v1/export/project", FaultRule.builder().job(JobFault.ERROR).count(4));

        Exchange out = send(ENTITIES, "m10");

        assertThat(out.getException()).isInstanceOf(InferenceJobFailedException.class)
                .hasMessageContaining("export " + out.getMessage().getHeader(AnnoLabConstants.EXPORT_ID))
                .hasMessageContaining("errored");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.EXPORT_STATUS)).isEqualTo("errored");
        assertThat(calls(DOWNLOAD)).as("nothing downloaded from an errored export").isZero();

        assertAnnotated(send(ENTITIES, "m10"));
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(calls(EXPORT)).isEqualTo(5);
    }

    @Test
    void anExportThatNeverFinishesTimesOutAndTheWholeChainIsBoundedByWaitTimeout() {
        fault("POST", "/v1/export/project", FaultRule.builder().job(JobFault.NEVER).count(1));

        long t0 = System.nanoTime();
        Exchange out = send(ENTITIES + "&waitTimeout=1500", "m10");

        assertThat(out.getException()).isInstanceOf(InferenceJobTimeoutException.class)
                .hasMessageContaining("export");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void aFailedDownloadIsRetried() {
        fault("GET", "/_emulator/annolab/download/*", FaultRule.builder().status(503).count(1));

        assertAnnotated(send(ENTITIES, "m11"));
        assertThat(calls(DOWNLOAD)).isEqualTo(2);
    }

    @Test
    void aFailedDownloadLeavesNoTemporaryZipBehind() throws Exception {
        // a 403 (an expired signed link) is not retried: each download fails at once
        fault("GET", "/_emulator/annolab/download/*", FaultRule.builder().status(403).count(2));
        List<Path> before = tempFiles(".zip");

        Exchange inferred = send(ENTITIES, "m13");
        Exchange exported = template.request("annolab:export?" + TARGET, e -> { });

        for (Exchange out : List.of(inferred, exported)) {
            assertThat(out.getException()).isInstanceOf(InferenceException.class).hasMessageContaining("403");
        }
        assertThat(calls(DOWNLOAD)).isEqualTo(2);
        assertThat(tempFiles(".zip")).as("temporary export zips of the component").isEqualTo(before);
        // and once downloads work again, the zips read are deleted too
        assertAnnotated(send(ENTITIES, "m13"));
        assertThat(template.request("annolab:export?" + TARGET, e -> { }).getException()).isNull();
        assertThat(calls(DOWNLOAD)).isEqualTo(4);
        assertThat(tempFiles(".zip")).isEqualTo(before);
    }

    // ---- stale state -------------------------------------------------------------------------------------------

    @Test
    void aRememberedJobAndSourceTheServiceNoLongerKnowsAreCreatedAfresh() {
        String uri = ENTITIES + "&waitTimeout=2s";
        fault("POST", "/v1/infer/batch", FaultRule.builder().job(JobFault.NEVER).count(1));
        assertThat(send(uri, "m12").getException()).isInstanceOf(InferenceJobTimeoutException.class);
        // the service forgets everything (a new account, a purge): the remembered job and source are gone
        emulator.reset();

        Exchange again = send(uri, "m12");

        assertAnnotated(again);
        assertThat(calls(INFER_STATUS)).isGreaterThanOrEqualTo(1);
        assertThat(calls(INFER)).as("one 404 for the vanished source, then the new job").isEqualTo(2);
        assertThat(calls(GET_SOURCE)).as("the 404 was checked against the source, not read from its text").isEqualTo(1);
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
    }
}
