package io.camelinference.unitypredict;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.job.FileJobStore;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A job pending when the application stops is resumed, not paid for again, when the same message comes back. */
class UnityPredictRestartTest {

    private static final String PREDICT = "POST /api/predict/{modelId}";
    private static final String PREDICT_WITH_REQUEST = "POST /api/predict/{modelId}/{requestId}";
    private static final String STATUS = "GET /api/predict/status/{requestId}";

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(3000));

    @TempDir
    Path dir;

    private CamelContext start(String storeOption) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("jobs", FileStateRepository.fileStateRepository(dir.resolve("camel-state.dat").toFile()));
        UnityPredictComponent component = new UnityPredictComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl() + "/api");
        component.getConfiguration().setPollInitialDelay(100);
        component.getConfiguration().setPollMaxInterval(200);
        context.addComponent("unitypredict", component);
        context.getShutdownStrategy().setTimeout(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in").to("unitypredict:predict?modelId=sentiment-slow&" + storeOption);
            }
        });
        context.start();
        return context;
    }

    private String jobStoreFile() {
        return "jobStoreFile=" + dir.resolve("pending.jobs");
    }

    private static CompletableFuture<Exchange> send(CamelContext context) {
        ProducerTemplate template = context.createProducerTemplate();
        return template.asyncSend("direct:in", e -> {
            e.getMessage().setBody(Map.of("Text", "a lovely great result"));
            e.getMessage().setHeader(UnityPredictConstants.JOB_KEY, "order-42");
        });
    }

    private static long billed() {
        return emulator.stats().billedUnits("unitypredict");
    }

    /** Stops the first application while its job is pending, starts a second one and sends the message again. */
    private void restartResumes(String storeOption) throws Exception {
        CamelContext first = start(storeOption);
        CompletableFuture<Exchange> interrupted = send(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().jobs("unitypredict", "Processing") == 1);
        first.stop();
        assertThat(interrupted.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(CancellationException.class);
        String firstRequest = interrupted.get().getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class);
        assertThat(firstRequest).isNotBlank();

        CamelContext second = start(storeOption);
        try {
            Exchange resumed = send(second).get(20, TimeUnit.SECONDS);
            assertThat(resumed.getException()).isNull();
            assertThat(resumed.getMessage().getBody(UnityPredictResponse.class).status()).isEqualTo("Completed");
            assertThat(resumed.getMessage().getHeader(UnityPredictConstants.REQUEST_ID)).isEqualTo(firstRequest);
            assertThat(emulator.stats().calls("unitypredict", PREDICT_WITH_REQUEST)).isEqualTo(1);
            assertThat(billed()).isEqualTo(1);

            // once finished, the key is released: the same key later is a new job
            Exchange again = send(second).get(20, TimeUnit.SECONDS);
            assertThat(again.getMessage().getHeader(UnityPredictConstants.REQUEST_ID)).isNotEqualTo(firstRequest);
            assertThat(billed()).isEqualTo(2);
        } finally {
            second.stop();
        }
    }

    @Test
    void aRestartResumesThePendingJobInsteadOfSubmittingAgain() throws Exception {
        restartResumes(jobStoreFile());
        // finished jobs leave nothing behind in the store
        FileJobStore store = new FileJobStore(dir.resolve("pending.jobs"), Duration.ofDays(1));
        store.start();
        assertThat(store.size()).isZero();
        store.stop();
    }

    @Test
    void endpointsNamingTheSameJobStoreFileShareOneStore() throws Exception {
        CamelContext context = start(jobStoreFile());
        try {
            UnityPredictEndpoint slow = context.getEndpoint("unitypredict:predict?modelId=sentiment-slow&"
                    + jobStoreFile(), UnityPredictEndpoint.class);
            UnityPredictEndpoint other = context.getEndpoint("unitypredict:predict?modelId=heart-risk&"
                    + jobStoreFile(), UnityPredictEndpoint.class);
            other.start();
            // two stores on one log would compact each other's pending jobs away
            assertThat(other.jobs().store()).isSameAs(slow.jobs().store());
        } finally {
            context.stop();
        }
    }

    @Test
    void aPredictSentBeforeACrashThatLandsLateIsWaitedForNotPaidAgain() throws Exception {
        // the dead application initialized request R and sent its predict, which has not reached the service yet
        String requestId = Http.post(emulator, "/api/predict/initialize/sentiment-slow", "").path("requestId").asText();
        FileJobStore store = new FileJobStore(dir.resolve("pending.jobs"), Duration.ofDays(1));
        store.start();
        store.put("predict:sentiment-slow|order-42", "{\"requestId\":\"" + requestId + "\",\"phase\":\"SUBMITTING\","
                + "\"landsBy\":" + (System.currentTimeMillis() + 8_000) + "}");
        store.stop();

        CamelContext context = start(jobStoreFile());
        try {
            CompletableFuture<Exchange> resumed = send(context);
            // the resumed message finds R not predicted yet ...
            await().atMost(Duration.ofSeconds(8)).until(() -> emulator.stats().calls("unitypredict", STATUS) >= 1);
            // ... then the dead application's predict lands
            Http.post(emulator, "/api/predict/sentiment-slow/" + requestId, "{\"InputValues\":{\"Text\":\"great\"}}");

            Exchange done = resumed.get(30, TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getHeader(UnityPredictConstants.REQUEST_ID)).isEqualTo(requestId);
            assertThat(billed()).as("the late prediction was waited for, not paid for again").isEqualTo(1);
            assertThat(emulator.stats().calls("unitypredict", PREDICT_WITH_REQUEST)).isEqualTo(1);
        } finally {
            context.stop();
        }
    }

    /** Calls the emulator the way another application would. */
    private static final class Http {
        static com.fasterxml.jackson.databind.JsonNode post(EmulatorExtension emulator, String path, String json)
                throws Exception {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + path))
                            .header("Authorization", "Bearer APIKEY@" + emulator.apiKey())
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        }
    }

    @Test
    void aCamelStateRepositoryWorksToo() throws Exception {
        restartResumes("stateRepository=#jobs");
    }

    @Test
    void aRememberedRequestTheServiceNoLongerKnowsIsSubmittedAfresh() throws Exception {
        FileJobStore stale = new FileJobStore(dir.resolve("pending.jobs"), Duration.ofDays(1));
        stale.start();
        stale.put("predict:sentiment-slow|order-42", "{\"requestId\":\"request-purged-long-ago\",\"phase\":\"ACCEPTED\"}");
        stale.stop();

        CamelContext context = start(jobStoreFile());
        try {
            Exchange out = send(context).get(20, TimeUnit.SECONDS);
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
            assertThat(out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID)).isNotEqualTo("request-purged-long-ago");
            assertThat(billed()).isEqualTo(1);
        } finally {
            context.stop();
        }
    }

    @Test
    void aCrashDuringTheBilledCallIsReconciledByAskingTheServiceNotByPayingAgain() throws Exception {
        // the store says "submitting request R" (the claim written before the billed call) and the service did take R
        CamelContext first = start(jobStoreFile());
        Exchange done;
        try {
            String requestId = first.createProducerTemplate().requestBody("unitypredict:predict?modelId=sentiment-slow"
                    + "&waitForCompletion=false", Map.of("Text", "great"), UnityPredictResponse.class).requestId();
            assertThat(billed()).isEqualTo(1);
            FileJobStore store = new FileJobStore(dir.resolve("pending.jobs"), Duration.ofDays(1));
            first.stop();
            store.start();
            store.put("predict:sentiment-slow|order-42", "{\"requestId\":\"" + requestId + "\",\"phase\":\"SUBMITTING\"}");
            store.stop();

            CamelContext second = start(jobStoreFile());
            try {
                done = send(second).get(20, TimeUnit.SECONDS);
            } finally {
                second.stop();
            }
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getHeader(UnityPredictConstants.REQUEST_ID)).isEqualTo(requestId);
            assertThat(billed()).as("the request the service knew was waited for, not paid for again").isEqualTo(1);
            assertThat(emulator.stats().calls("unitypredict", PREDICT)).isEqualTo(1);
        } finally {
            first.stop();
        }
    }
}
