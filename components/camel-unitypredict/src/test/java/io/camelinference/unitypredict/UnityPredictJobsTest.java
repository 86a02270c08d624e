package io.camelinference.unitypredict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.emulator.spi.JobFault;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnityPredictJobsTest extends UnityPredictTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(1500));

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow").routeId("slow").to("unitypredict:predict?modelId=sentiment-slow");
            }
        };
    }

    private static Map<String, Object> text(String text) {
        return Map.of("Text", text);
    }

    @Test
    void processingIsPolledUntilCompleted() {
        Exchange out = template.request("direct:slow", e -> e.getMessage().setBody(text("What a wonderful, great day")));

        assertThat(out.getException()).isNull();
        UnityPredictResponse response = out.getMessage().getBody(UnityPredictResponse.class);
        assertThat(response.status()).isEqualTo("Completed");
        assertThat(response.value("Sentiment")).isEqualTo("positive");
        assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
        assertThat(calls(PREDICT)).isEqualTo(1);
        assertThat(calls(STATUS)).isGreaterThanOrEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aSecondCopyOfAMessageWhileTheFirstRunsIsRefusedNotPaidForAgain() throws Exception {
        CompletableFuture<Exchange> first = template.asyncSend("direct:slow", e -> {
            e.getMessage().setBody(text("What a wonderful, great day"));
            e.getMessage().setHeader(UnityPredictConstants.JOB_KEY, "order-7");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(PREDICT_WITH_REQUEST) == 1);

        Exchange copy = template.request("direct:slow", e -> {
            e.getMessage().setBody(text("What a wonderful, great day"));
            e.getMessage().setHeader(UnityPredictConstants.JOB_KEY, "order-7");
        });

        assertThat(copy.getException()).isInstanceOf(io.camelinference.common.job.JobClaimedException.class)
                .hasMessageContaining("order-7").hasMessageContaining("Nothing was sent");
        assertThat(first.get(30, TimeUnit.SECONDS).getException()).isNull();
        assertThat(calls(PREDICT_WITH_REQUEST)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void withoutWaitingTheRequestIdComesBackAndStatusFollowsIt() throws Exception {
        Exchange submitted = template.request("unitypredict:predict?modelId=sentiment-slow&waitForCompletion=false",
                e -> e.getMessage().setBody(text("terrible awful service")));
        assertThat(submitted.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Processing");
        String requestId = submitted.getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class);
        assertThat(requestId).isNotBlank();
        assertThat(calls(STATUS)).isZero();

        UnityPredictResponse last = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> template.request("unitypredict:status",
                                e -> e.getMessage().setHeader(UnityPredictConstants.REQUEST_ID, requestId))
                        .getMessage().getBody(UnityPredictResponse.class), r -> "Completed".equals(r.status()));
        assertThat(last.value("Sentiment")).isEqualTo("negative");
    }

    @Test
    void aJobThatErrorsRaisesJobFailedWithItsId() {
        emulator.faults().add(FaultRule.builder().provider("unitypredict").job(JobFault.ERROR).build());

        Exchange out = template.request("direct:slow", e -> e.getMessage().setBody(text("fine")));

        assertThat(out.getException()).isInstanceOf(InferenceJobFailedException.class);
        InferenceJobFailedException failed = (InferenceJobFailedException) out.getException();
        assertThat(failed.getJobId()).isEqualTo(out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID));
        assertThat(failed.getStatus()).isEqualTo("Error");
        assertThat(failed.getServiceMessage()).isNotBlank();
    }

    @Test
    void aJobThatNeverFinishesTimesOutWithItsId() {
        emulator.faults().add(FaultRule.builder().provider("unitypredict").job(JobFault.NEVER).build());

        Exchange out = template.request("unitypredict:predict?modelId=sentiment-slow&waitTimeout=1s",
                e -> e.getMessage().setBody(text("fine")));

        assertThat(out.getException()).isInstanceOf(InferenceJobTimeoutException.class);
        InferenceJobTimeoutException timeout = (InferenceJobTimeoutException) out.getException();
        assertThat(timeout.getJobId()).isNotBlank().isEqualTo(out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID));
        assertThat(timeout.getLastStatus()).isEqualTo("Processing");
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void hundredsOfPendingJobsHoldNoThreads() throws Exception {
        int jobs = 200;
        AsyncProducer producer = context.getEndpoint("unitypredict:predict?modelId=sentiment-slow").createAsyncProducer();
        producer.start();
        int threadsBefore = Thread.activeCount();
        List<Exchange> exchanges = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(jobs);
        for (int i = 0; i < jobs; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(text(i % 2 == 0 ? "great lovely excellent" : "bad awful terrible"));
            exchanges.add(exchange);
            // all from this one thread: a producer that waited for its job here would take 200 x 1.5 s
            boolean sync = producer.process(exchange, doneSync -> done.countDown());
            assertThat(sync).as("the producer completes asynchronously").isFalse();
        }
        // every job is accepted and pending on the service at the same time ...
        await().atMost(Duration.ofSeconds(20)).until(() -> emulator.stats().jobs("unitypredict", "Processing")
                + emulator.stats().jobs("unitypredict", "Completed") >= jobs);
        assertThat(calls(PREDICT)).isEqualTo(jobs);
        // ... while the JVM did not start a thread per waiting exchange
        assertThat(Thread.activeCount() - threadsBefore).isLessThan(40);

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        for (Exchange out : exchanges) {
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
        }
        assertThat(billed()).isEqualTo(jobs);
        producer.stop();
    }

    @Test
    void theServiceNeverSeesMoreStatusChecksInASecondThanTheCap() throws Exception {
        // an endpoint with the default cap comes first: the next endpoint's own cap must still be the one it gets
        context.getEndpoint("unitypredict:predict?modelId=heart-risk").createAsyncProducer().start();
        int jobs = 40;
        // polling every 10-100 ms would ask about 40 jobs hundreds of times a second
        AsyncProducer producer = context.getEndpoint("unitypredict:predict?modelId=sentiment-slow"
                + "&maxStatusChecksPerSecond=10&pollInitialDelay=10&pollMaxInterval=100").createAsyncProducer();
        producer.start();
        List<Exchange> exchanges = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(jobs);
        for (int i = 0; i < jobs; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(text("great lovely excellent"));
            exchanges.add(exchange);
            producer.process(exchange, doneSync -> done.countDown());
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        for (Exchange out : exchanges) {
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
        }
        // counted by the service, in a sliding one-second window
        assertThat(emulator.stats().peakPerSecond("unitypredict", STATUS)).isBetween(1L, 10L);
        assertThat(calls(STATUS)).isGreaterThanOrEqualTo(jobs);
        producer.stop();
    }

    @Test
    void stoppingTheRouteStopsWaiting() throws Exception {
        emulator.faults().add(FaultRule.builder().provider("unitypredict").job(JobFault.NEVER).build());
        context.getShutdownStrategy().setTimeout(1);

        CompletableFuture<Exchange> reply = template.asyncSend("direct:slow", e -> e.getMessage().setBody(text("x")));
        awaitCalls(STATUS, 1);
        context.getRouteController().stopRoute("slow");

        Exchange out = reply.get(10, TimeUnit.SECONDS);
        assertThat(out.getException()).isInstanceOf(CancellationException.class)
                .hasMessageContaining(out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class));
        long statusCalls = calls(STATUS);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> calls(STATUS) == statusCalls);
    }

    @Test
    void theServicePostsTheFinalResponseToTheCallbackUrl() throws Exception {
        String callback = emulator.sinkUrl("callbacks");
        Exchange out = template.request("unitypredict:predict?modelId=sentiment-slow&waitForCompletion=false&callbackUrl="
                + callback, e -> e.getMessage().setBody(text("lovely")));
        String requestId = out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class);

        var deliveries = emulator.emulator().awaitSink("callbacks", 1, java.time.Duration.ofSeconds(10));
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).json().get("requestId").asText()).isEqualTo(requestId);
        assertThat(deliveries.get(0).json().get("status").asText()).isEqualTo("Completed");
    }
}
