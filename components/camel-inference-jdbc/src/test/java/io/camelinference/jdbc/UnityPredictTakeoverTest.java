package io.camelinference.jdbc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.common.job.JobAlreadyCompletedException;
import io.camelinference.common.job.JobClaimedException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.unitypredict.UnityPredictProvider;
import io.camelinference.jdbc.test.LocalPostgres;
import io.camelinference.unitypredict.UnityPredictComponent;
import io.camelinference.unitypredict.UnityPredictConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A replica died holding the claim of a UnityPredict job in "submitting" (its request id stored, the billed predict
 * maybe sent): another replica, receiving the same message, is refused while the dead one's lease holds, then takes the
 * job over and asks the service about the request id before anything else, and submits only when the service never
 * predicted it. Either way the input is billed once; the completed message is then refused to a third copy.
 */
class UnityPredictTakeoverTest {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(300));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private CamelContext survivor;
    private JdbcJobStore survivorStore;

    private JdbcJobStore store(String owner, String table) {
        LocalPostgres pg = SharedPostgres.get();
        JdbcJobStore store = new JdbcJobStore(pg.jdbcUrl(), pg.username(), null);
        store.setOwner(owner);
        store.setTableName(table);
        store.setLease(1_500);
        store.start();
        return store;
    }

    @AfterEach
    void stop() {
        if (survivor != null) {
            survivor.stop();
        }
        if (survivorStore != null) {
            survivorStore.stop();
        }
    }

    private JsonNode call(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api" + path))
                .header("Authorization", "Bearer APIKEY@" + emulator.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** What the dead replica did: initialize (free), store "submitting", and maybe send the billed predict. */
    private void deadReplica(String table, String text, boolean billedCallLanded) throws Exception {
        String requestId = call("/predict/initialize/sentiment-slow", "{}").path("requestId").asText();
        JdbcJobStore dead = store("replica-dead", table);
        dead.claim("predict:sentiment-slow|doc-1");
        dead.put("predict:sentiment-slow|doc-1", "{\"requestId\":\"" + requestId + "\",\"phase\":\"SUBMITTING\","
                + "\"lostAnswers\":0}");
        if (billedCallLanded) {
            call("/predict/sentiment-slow/" + requestId, JSON.writeValueAsString(Map.of("InputValues",
                    Map.of("Text", text))));
        }
        dead.stop(); // SIGKILL: no unclaim, no more renewals
    }

    private ProducerTemplate survivor(String table) throws Exception {
        survivorStore = store("replica-survivor", table);
        survivor = new DefaultCamelContext();
        UnityPredictComponent unitypredict = new UnityPredictComponent();
        unitypredict.componentConfiguration().setBaseUrl(emulator.baseUrl() + "/api");
        unitypredict.componentConfiguration().setApiKey(emulator.apiKey());
        unitypredict.componentConfiguration().setJobStore(survivorStore);
        survivor.addComponent("unitypredict", unitypredict);
        survivor.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:predict").to("unitypredict:predict?modelId=sentiment-slow&pollInitialDelay=100");
            }
        });
        survivor.start();
        return survivor.createProducerTemplate();
    }

    private Exchange send(ProducerTemplate template, String text) {
        return template.request("direct:predict", e -> {
            e.getMessage().setHeader(UnityPredictConstants.JOB_KEY, "doc-1");
            e.getMessage().setBody(Map.of("Text", text));
        });
    }

    private void takeOver(String table, String text) throws Exception {
        ProducerTemplate template = survivor(table);
        Exchange early = send(template, text);
        assertThat(early.getException()).as("refused while the dead replica's lease holds")
                .isInstanceOf(JobClaimedException.class);
        Exchange done = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> send(template, text), e -> e.getException() == null);
        assertThat(done.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
        assertThat(emulator.stats().billedUnits("unitypredict")).as("billed once").isEqualTo(1);
        assertThat(emulator.stats().duplicateBilled("unitypredict")).isZero();
        assertThat(survivorStore.stats().takenOver()).isEqualTo(1);
        assertThat(survivorStore.size()).as("nothing left pending").isZero();
        assertThatThrownBy(() -> template.requestBodyAndHeader("direct:predict", Map.of("Text", text),
                UnityPredictConstants.JOB_KEY, "doc-1")).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(JobAlreadyCompletedException.class);
        assertThat(emulator.stats().billedUnits("unitypredict")).isEqualTo(1);
    }

    @Test
    void aBilledCallThatLandedIsFoundByItsRequestIdAndWaitedFor() throws Exception {
        deadReplica("jobs_takeover_landed", "The delivery was late but the support was excellent", true);
        takeOver("jobs_takeover_landed", "The delivery was late but the support was excellent");
        assertThat(emulator.stats().calls("unitypredict", "POST /api/predict/{modelId}/{requestId}"))
                .as("the survivor did not predict again").isEqualTo(1);
        assertThat(emulator.stats().count(UnityPredictProvider.NAME, UnityPredictProvider.STATUS_OF_UNPREDICTED))
                .as("the service knew the prediction when asked").isZero();
    }

    @Test
    void aBilledCallThatNeverLeftIsSubmittedAfterTheServiceSaysItDoesNotKnowIt() throws Exception {
        deadReplica("jobs_takeover_not_sent", "Terrible experience, the parcel never arrived", false);
        takeOver("jobs_takeover_not_sent", "Terrible experience, the parcel never arrived");
        // the one status answer for a request never predicted can only come before the survivor's predict
        assertThat(emulator.stats().count(UnityPredictProvider.NAME, UnityPredictProvider.STATUS_OF_UNPREDICTED))
                .as("asked before submitting").isEqualTo(1);
        assertThat(emulator.stats().calls("unitypredict", "POST /api/predict/{modelId}/{requestId}"))
                .as("then submitted, once").isEqualTo(1);
    }
}
