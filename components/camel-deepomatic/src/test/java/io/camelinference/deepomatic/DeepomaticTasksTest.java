package io.camelinference.deepomatic;

import io.camelinference.common.error.InferenceOutcomeUnknownException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.spi.JobFault;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for tasks: batched status checks, failed and never-ending tasks, and the billed POST never re-sent. */
class DeepomaticTasksTest extends DeepomaticTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(1000));

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange classify(String options) {
        return template.request("deepomatic:inference?specId=" + CLASSIFIER + options,
                e -> e.getMessage().setBody(sample("red-apple.png")));
    }

    @Test
    void aHundredWaitingTasksAreCheckedTogether() throws Exception {
        int images = 100;
        AsyncProducer producer = context.getEndpoint("deepomatic:inference?specId=" + CLASSIFIER).createAsyncProducer();
        producer.start();
        List<Exchange> exchanges = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(images);
        for (int i = 0; i < images; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(sample(i % 2 == 0 ? "red-apple.png" : "blue-sky.png"));
            exchanges.add(exchange);
            // all from this one thread: the producer returns at once and waits for nothing here
            assertThat(producer.process(exchange, doneSync -> done.countDown())).isFalse();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < images; i++) {
            Exchange out = exchanges.get(i);
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(DeepomaticResult.class).top().labelName())
                    .isEqualTo(i % 2 == 0 ? "red" : "blue");
        }
        assertThat(calls(PUBLIC_INFERENCE)).isEqualTo(images);
        assertThat(calls(TASK)).as("no task is checked on its own").isZero();
        // each task stays pending ~1 s and is checked every 100-200 ms: one request per task per round would make
        // several hundred status calls; batched, a round costs one or two
        long statusCalls = calls(TASK_LIST);
        assertThat(statusCalls).as("status calls for %d tasks", images).isPositive().isLessThan(images / 3);
        producer.stop();
    }

    @Test
    void aTaskInErrorRaisesJobFailedWithItsIdAndTheServicesMessage() {
        fault(FaultRule.builder().method("POST").path("/v0.7/recognition/**").job(JobFault.ERROR));

        Exchange out = classify("");

        assertThat(out.getException()).isInstanceOf(InferenceJobFailedException.class);
        InferenceJobFailedException failed = (InferenceJobFailedException) out.getException();
        assertThat(failed.getJobId()).isNotBlank().isEqualTo(out.getMessage().getHeader(DeepomaticConstants.TASK_ID));
        assertThat(failed.getStatus()).isEqualTo("error");
        assertThat(failed.getServiceMessage()).isNotBlank();
        assertThat(failed.getMessage()).contains(failed.getJobId()).contains(failed.getServiceMessage());
    }

    @Test
    void aTaskThatNeverFinishesTimesOutWithItsId() {
        fault(FaultRule.builder().job(JobFault.NEVER));

        Exchange out = classify("&waitTimeout=1000");

        assertThat(out.getException()).isInstanceOf(InferenceJobTimeoutException.class);
        InferenceJobTimeoutException timeout = (InferenceJobTimeoutException) out.getException();
        assertThat(timeout.getJobId()).isNotBlank().isEqualTo(out.getMessage().getHeader(DeepomaticConstants.TASK_ID));
        assertThat(timeout.getLastStatus()).isEqualTo("pending");
        assertThat(timeout.getMessage()).contains(timeout.getJobId());
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void slowStatusAnswersAreWaitedFor() {
        fault(FaultRule.builder().path("/v0.7/tasks/**").latencyMs(300).count(2));

        Exchange out = classify("");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");
        assertThat(emulator().faults().rules()).as("both slow answers were served").isEmpty();
    }

    @Test
    void aServerErrorAfterTheTaskWasCreatedIsNotSentAgain() {
        fault(FaultRule.builder().method("POST").path("/v0.7/recognition/**").status(500).afterProcessing(true)
                .count(1));

        Exchange out = classify("");

        // the first failure already says what it means: the outcome is unknown (the 500 is its cause)
        assertThat(out.getException()).isInstanceOf(InferenceOutcomeUnknownException.class)
                .hasMessageContaining("was lost").hasMessageContaining("HTTP 500").hasMessageContaining("unknown");
        assertThat(out.getException().getCause()).isInstanceOf(InferenceApiException.class);
        assertThat(((InferenceApiException) out.getException().getCause()).getStatusCode()).isEqualTo(500);
        assertThat(calls(PUBLIC_INFERENCE)).as("inference sent once").isEqualTo(1);
        assertThat(billed()).as("one task created and billed, not two").isEqualTo(1);
    }

    @Test
    void aRedeliveryAfterALostAnswerIsRefusedAsOutcomeUnknownNotSentAgain() {
        fault(FaultRule.builder().method("POST").path("/v0.7/recognition/**").status(500).afterProcessing(true)
                .count(1));
        Exchange first = classifyAs("image-7");
        assertThat(first.getException()).isInstanceOf(InferenceOutcomeUnknownException.class)
                .hasCauseInstanceOf(InferenceApiException.class);

        // the same message again (a redelivery): whether the first POST created a task is unknown
        Exchange again = classifyAs("image-7");

        assertThat(again.getException()).isInstanceOf(InferenceOutcomeUnknownException.class)
                .hasMessageContaining("deepomatic:inference of image").hasMessageContaining("unknown")
                .hasMessageContaining("may already be billed").hasMessageContaining(DeepomaticConstants.JOB_KEY)
                .hasMessageContaining("jobStateTtl");
        assertThat(((InferenceOutcomeUnknownException) again.getException()).getSubject()).isEqualTo("image");
        assertThat(classifyAs("image-7").getException()).as("refused again")
                .isInstanceOf(InferenceOutcomeUnknownException.class);
        assertThat(calls(PUBLIC_INFERENCE)).as("never re-sent").isEqualTo(1);
        assertThat(billed()).isEqualTo(1);

        // a new key submits it on purpose
        Exchange onPurpose = classifyAs("image-7-again");
        assertThat(onPurpose.getException()).isNull();
        assertThat(onPurpose.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");
        assertThat(billed()).isEqualTo(2);
    }

    @Test
    void aRefusedInferenceIsForgottenSoTheMessageCanBeSentAgain() {
        fault(FaultRule.builder().method("POST").path("/v0.7/recognition/**").status(400).count(1));
        assertThat(classifyAs("image-8").getException()).isInstanceOf(InferenceApiException.class);

        Exchange again = classifyAs("image-8");

        assertThat(again.getException()).as("a 4xx was not processed: nothing to be unsure about").isNull();
        assertThat(calls(PUBLIC_INFERENCE)).isEqualTo(2);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void whenOneImageOfAListFailsARedeliveryDoesNotPayAgainForTheOthers() throws Exception {
        List<Object> album = List.of(sample("red-apple.png"), "not pixels".getBytes(StandardCharsets.UTF_8),
                sample("blue-sky.png"));
        Exchange first = template.request("deepomatic:inference?specId=" + CLASSIFIER, e -> {
            e.getMessage().setHeader(DeepomaticConstants.JOB_KEY, "album-3");
            e.getMessage().setBody(album);
        });
        assertThat(first.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("not an image");
        List<?> firstIds = first.getMessage().getHeader(DeepomaticConstants.TASK_IDS, List.class);
        assertThat(firstIds).hasSize(3);
        assertThat(firstIds.get(0)).isNotNull();
        assertThat(firstIds.get(1)).isNull();
        assertThat(firstIds.get(2)).isNotNull();
        assertThat(billed()).isEqualTo(2);

        Exchange again = template.request("deepomatic:inference?specId=" + CLASSIFIER, e -> {
            e.getMessage().setHeader(DeepomaticConstants.JOB_KEY, "album-3");
            e.getMessage().setBody(album);
        });

        assertThat(again.getException()).isInstanceOf(InferenceApiException.class);
        assertThat(again.getMessage().getHeader(DeepomaticConstants.TASK_IDS, List.class))
                .as("the tasks of the good images were waited for again").isEqualTo(firstIds);
        assertThat(calls(PUBLIC_INFERENCE)).as("only the bad image was sent again").isEqualTo(4);
        assertThat(billed()).isEqualTo(2);
    }

    private Exchange classifyAs(String jobKey) {
        return template.request("deepomatic:inference?specId=" + CLASSIFIER, e -> {
            e.getMessage().setHeader(DeepomaticConstants.JOB_KEY, jobKey);
            e.getMessage().setBody(sample("red-apple.png"));
        });
    }

    @Test
    void aRefusalBeforeProcessingIsRetried() {
        fault(FaultRule.builder().method("POST").path("/v0.7/recognition/**").status(429).retryAfter(0).count(1));

        Exchange out = classify("");

        assertThat(out.getException()).isNull();
        assertThat(calls(PUBLIC_INFERENCE)).isEqualTo(2);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aTransientStatusCheckFailureIsRiddenOut() {
        fault(FaultRule.builder().path("/v0.7/tasks/**").status(503).count(1));

        Exchange out = classify("");

        assertThat(out.getException()).isNull();
        assertThat(emulator().faults().rules()).as("the 503 was served").isEmpty();
        assertThat(calls(TASK) + calls(TASK_LIST)).as("the failed check was made again").isGreaterThanOrEqualTo(2);
        assertThat(billed()).isEqualTo(1);
    }
}
