package io.camelinference.deepomatic;

import io.camelinference.common.error.InferenceOutcomeUnknownException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.common.job.FileJobStore;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.deepomatic.DeepomaticProvider;
import io.camelinference.emulator.deepomatic.SampleImages;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tasks pending when the application stops are resumed, not paid for again, when the same message comes back: single
 * images and every image of a List. Tasks the service no longer knows are submitted afresh; a billed request whose
 * answer was lost is refused rather than sent again.
 */
class DeepomaticRestartTest {

    private static final String INFERENCE = "POST /v0.7/recognition/public/{specId}/inference";
    private static final String SCOPE = "inference:dominant-color-v1|";

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(3000));

    @TempDir
    Path dir;

    private CamelContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
    }

    /** An application with one route to deepomatic:inference on the classifier. */
    private CamelContext start(String options) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("jobs", FileStateRepository.fileStateRepository(dir.resolve("camel-state.dat").toFile()));
        DeepomaticComponent component = new DeepomaticComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl() + "/v0.7");
        component.getConfiguration().setPollInitialDelay(100);
        component.getConfiguration().setPollMaxInterval(200);
        context.addComponent("deepomatic", component);
        context.getShutdownStrategy().setTimeout(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in").to("deepomatic:inference?specId=dominant-color-v1&" + options);
            }
        });
        context.start();
        running = context;
        return context;
    }

    private String jobStoreFile() {
        return "jobStoreFile=" + dir.resolve("pending.jobs");
    }

    private FileJobStore store() {
        FileJobStore store = new FileJobStore(dir.resolve("pending.jobs"), Duration.ofDays(1));
        store.start();
        return store;
    }

    private static CompletableFuture<Exchange> send(CamelContext context, String key, Object body) {
        return context.createProducerTemplate().asyncSend("direct:in", e -> {
            e.getMessage().setHeader(DeepomaticConstants.JOB_KEY, key);
            e.getMessage().setBody(body);
        });
    }

    private static List<Object> album() {
        return List.of(SampleImages.get("red-apple.png"), emulator.baseUrl() + DeepomaticProvider.IMAGES + "/blue-sky.png");
    }

    private static long billed() {
        return emulator.stats().billedUnits("deepomatic");
    }

    private static long inferences() {
        return emulator.stats().calls("deepomatic", INFERENCE);
    }

    @Test
    void everyImageOfAListResumesAfterARestartInsteadOfBeingPaidForAgain() throws Exception {
        CamelContext first = start(jobStoreFile());
        CompletableFuture<Exchange> interrupted = send(first, "album-1", album());
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().jobs("deepomatic", "pending") == 2);
        first.stop();
        Exchange stopped = interrupted.get(10, TimeUnit.SECONDS);
        assertThat(stopped.getException()).isInstanceOf(CancellationException.class);
        List<?> taskIds = stopped.getMessage().getHeader(DeepomaticConstants.TASK_IDS, List.class);
        assertThat(taskIds).hasSize(2).doesNotContainNull();
        FileJobStore pending = store();
        assertThat(pending.get(SCOPE + "album-1#0")).contains("ACCEPTED").contains((String) taskIds.get(0));
        assertThat(pending.get(SCOPE + "album-1#1")).contains("ACCEPTED").contains((String) taskIds.get(1));
        pending.stop();

        CamelContext second = start(jobStoreFile());
        Exchange resumed = send(second, "album-1", album()).get(20, TimeUnit.SECONDS);

        assertThat(resumed.getException()).isNull();
        List<?> results = resumed.getMessage().getBody(List.class);
        assertThat(results).map(r -> ((DeepomaticResult) r).top().labelName()).containsExactly("red", "blue");
        assertThat(resumed.getMessage().getHeader(DeepomaticConstants.TASK_IDS, List.class)).isEqualTo(taskIds);
        assertThat(inferences()).as("each image submitted once").isEqualTo(2);
        assertThat(billed()).isEqualTo(2);
        second.stop();
        FileJobStore done = store();
        assertThat(done.size()).as("finished images leave nothing behind").isZero();
        done.stop();
    }

    @Test
    void aSingleImageResumesAfterARestartWithACamelStateRepositoryToo() throws Exception {
        CamelContext first = start("stateRepository=#jobs");
        CompletableFuture<Exchange> interrupted = send(first, "image-1", SampleImages.get("red-apple.png"));
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().jobs("deepomatic", "pending") == 1);
        first.stop();
        Exchange stopped = interrupted.get(10, TimeUnit.SECONDS);
        assertThat(stopped.getException()).isInstanceOf(CancellationException.class);
        String taskId = stopped.getMessage().getHeader(DeepomaticConstants.TASK_ID, String.class);
        assertThat(taskId).isNotBlank();

        Exchange resumed = send(start("stateRepository=#jobs"), "image-1", SampleImages.get("red-apple.png"))
                .get(20, TimeUnit.SECONDS);

        assertThat(resumed.getException()).isNull();
        assertThat(resumed.getMessage().getHeader(DeepomaticConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(resumed.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aMessageThatComesBackAfterATimeoutResumesItsTaskInsteadOfPayingAgain() throws Exception {
        CamelContext context = start("waitTimeout=1s");
        Exchange first = send(context, "image-42", SampleImages.get("red-apple.png")).get(10, TimeUnit.SECONDS);
        assertThat(first.getException()).isInstanceOf(InferenceJobTimeoutException.class);
        String taskId = first.getMessage().getHeader(DeepomaticConstants.TASK_ID, String.class);
        assertThat(first.getMessage().getHeader(DeepomaticConstants.TASK_STATUS)).isEqualTo("pending");
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().jobs("deepomatic", "success") == 1);

        Exchange again = send(context, "image-42", SampleImages.get("red-apple.png")).get(10, TimeUnit.SECONDS);

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(DeepomaticConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(again.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");
        assertThat(inferences()).as("submitted once").isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aTaskTheServiceNoLongerKnowsIsSubmittedAfreshNotDeadLettered() throws Exception {
        CamelContext first = start(jobStoreFile());
        CompletableFuture<Exchange> interrupted = send(first, "image-43", SampleImages.get("red-apple.png"));
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().jobs("deepomatic", "pending") == 1);
        first.stop();
        String forgotten = interrupted.get(10, TimeUnit.SECONDS).getMessage().getHeader(DeepomaticConstants.TASK_ID,
                String.class);
        assertThat(forgotten).isNotBlank();

        // the service loses its tasks (a reset, a purge): the remembered task id means nothing any more
        emulator.emulator().reset();
        Exchange again = send(start(jobStoreFile()), "image-43", SampleImages.get("red-apple.png"))
                .get(20, TimeUnit.SECONDS);

        assertThat(again.getException()).as("the stale task is submitted afresh, not failed for good").isNull();
        assertThat(again.getMessage().getHeader(DeepomaticConstants.TASK_ID)).isNotEqualTo(forgotten);
        assertThat(again.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");
        assertThat(inferences()).as("submitted once more after the reset").isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void staleTasksOfAListInTheStoreAreSubmittedAfresh() throws Exception {
        FileJobStore stale = store();
        stale.put(SCOPE + "album-9#0", "{\"taskId\":\"999999\",\"phase\":\"ACCEPTED\"}");
        stale.stop();

        Exchange out = send(start(jobStoreFile()), "album-9", album()).get(20, TimeUnit.SECONDS);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DeepomaticConstants.TASK_IDS, List.class)).doesNotContain("999999");
        assertThat(out.getMessage().getBody(List.class)).map(r -> ((DeepomaticResult) r).top().labelName())
                .containsExactly("red", "blue");
        assertThat(billed()).isEqualTo(2);
    }

    @Test
    void aMessageResumedWhileSubmittingIsRefusedAsOutcomeUnknownUntilItsStateExpires() throws Exception {
        // a crash between sending the billed POST and reading its answer leaves the claim in the store
        FileJobStore crashed = store();
        crashed.put(SCOPE + "order-5", "{\"phase\":\"SUBMITTING\",\"claimedAt\":" + System.currentTimeMillis() + "}");
        long twoDaysAgo = System.currentTimeMillis() - Duration.ofDays(2).toMillis();
        crashed.put(SCOPE + "order-6", "{\"phase\":\"SUBMITTING\",\"claimedAt\":" + twoDaysAgo + "}");
        crashed.stop();
        CamelContext context = start(jobStoreFile());

        for (int attempt = 0; attempt < 2; attempt++) {
            Exchange refused = send(context, "order-5", SampleImages.get("red-apple.png")).get(10, TimeUnit.SECONDS);
            assertThat(refused.getException()).isInstanceOf(InferenceOutcomeUnknownException.class)
                    .hasMessageContaining("may already be billed").hasMessageContaining("CamelDeepomaticJobKey");
        }
        assertThat(emulator.stats().totalCalls("deepomatic")).as("nothing sent").isZero();
        context.stop();
        FileJobStore kept = store();
        assertThat(kept.get(SCOPE + "order-5")).contains("SUBMITTING");
        kept.stop();

        // a claim older than jobStateTtl (one day by default) has expired: the message is new again
        Exchange expired = send(start(jobStoreFile()), "order-6", SampleImages.get("red-apple.png"))
                .get(20, TimeUnit.SECONDS);
        assertThat(expired.getException()).isNull();
        assertThat(expired.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");
        assertThat(billed()).isEqualTo(1);
    }
    @Test
    void aSignedUrlWhoseOutcomeIsUnknownIsNamedWithoutItsCredentials() throws Exception {
        FileJobStore crashed = store();
        crashed.put(SCOPE + "signed-1", "{\"phase\":\"SUBMITTING\",\"claimedAt\":" + System.currentTimeMillis() + "}");
        crashed.stop();
        String url = emulator.baseUrl() + DeepomaticProvider.IMAGES + "/blue-sky.png";
        String signed = url.replace("://", "://reader:pa55word@")
                + "?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=0badc0ffee#part";

        Exchange refused = send(start(jobStoreFile()), "signed-1", signed).get(10, TimeUnit.SECONDS);

        assertThat(refused.getException()).isInstanceOf(InferenceOutcomeUnknownException.class);
        InferenceOutcomeUnknownException unknown = (InferenceOutcomeUnknownException) refused.getException();
        assertThat(unknown.getSubject()).isEqualTo(url);
        assertThat(unknown.getMessage()).contains(url);
        for (String secret : List.of("reader", "pa55word", "AKIAEXAMPLE", "0badc0ffee", "#part")) {
            assertThat(unknown.getMessage()).doesNotContain(secret);
            assertThat(unknown.getSubject()).doesNotContain(secret);
        }
        assertThat(emulator.stats().totalCalls("deepomatic")).as("nothing sent").isZero();
    }
}
