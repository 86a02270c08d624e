package io.camelinference.commsmining;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.commsmining.model.CommsMiningStreamResult;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stream consumer against the emulator's streams (24 comments in inbound): delivery with headers, advance only
 * after a completed batch (at least once, across a restart), poison comments reported and skipped, filtered batches
 * advanced past, comments synced later picked up.
 */
class CommsMiningStreamConsumerTest {

    private static final String STREAM_STATE = "/_emulator/commsmining/state";
    private static final String FAST = "&delay=50&initialDelay=0&backoffMultiplier=1&backoffIdleThreshold=1";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    private final List<CamelContext> contexts = new CopyOnWriteArrayList<>();
    private final List<CommsMiningStreamResult> delivered = new CopyOnWriteArrayList<>();
    private final List<String> uids = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    /** A Camel application reading a stream; {@code failing} uids throw in the route. */
    private CamelContext start(String stream, String options, List<String> failing) throws Exception {
        CamelContext context = new DefaultCamelContext();
        CommsMiningComponent component = new CommsMiningComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl());
        context.addComponent("commsmining", component);
        context.getShutdownStrategy().setTimeout(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("commsmining:stream?project=demo&dataset=support-emails&stream=" + stream + FAST + options)
                        .process(e -> {
                            String uid = e.getMessage().getHeader(CommsMiningConstants.COMMENT_UID, String.class);
                            uids.add(uid);
                            if (failing.contains(uid)) {
                                throw new IllegalStateException("cannot handle " + uid);
                            }
                            delivered.add(e.getMessage().getBody(CommsMiningStreamResult.class));
                        });
            }
        });
        context.start();
        contexts.add(context);
        return context;
    }

    private static long calls(String route) {
        return emulator.stats().calls("commsmining", route);
    }

    private static JsonNode streamState(String stream) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                + STREAM_STATE)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).at("/datasets/demo~1support-emails/streams/" + stream);
    }

    @Test
    void everyCommentIsDeliveredWithItsLabelsAndTheStreamIsAdvancedPerBatch() throws Exception {
        start("inbound", "&fetchSize=10", List.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> streamState("inbound").get("position").asInt() == 24);
        assertThat(delivered).hasSize(24);
        assertThat(delivered.get(0).comment().uid()).isEqualTo("18ba5ce699f8da1f.0001");
        assertThat(delivered.get(0).labels()).isNotEmpty();
        assertThat(delivered.get(0).sequenceId()).isNotBlank();
        assertThat(uids).doesNotHaveDuplicates();
        assertThat(calls(CommsMiningTestSupport.ADVANCE)).as("one advance per batch of 10").isEqualTo(3);
    }

    @Test
    void aBatchThatFailsMidwayIsNotAdvancedAndIsDeliveredAgainAfterARestart() throws Exception {
        CamelContext first = start("inbound", "&fetchSize=5&maxAttempts=100", List.of("18ba5ce699f8da1f.0003"));
        await().atMost(Duration.ofSeconds(20)).until(() -> uids.size() >= 5);
        first.stop();
        assertThat(calls(CommsMiningTestSupport.ADVANCE)).as("the failed batch was not advanced").isZero();
        assertThat(streamState("inbound").get("position").asInt()).isZero();
        assertThat(delivered).extracting(r -> r.comment().uid()).contains("18ba5ce699f8da1f.0001");

        delivered.clear();
        start("inbound", "&fetchSize=5", List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> streamState("inbound").get("position").asInt() == 24);
        assertThat(delivered).extracting(r -> r.comment().uid()).as("redelivered after the restart")
                .startsWith("18ba5ce699f8da1f.0001", "18ba5ce699f8da1f.0002", "18ba5ce699f8da1f.0003").hasSize(24);
    }

    @Test
    void aPoisonCommentIsReportedAsAnExceptionAndSkippedAfterMaxAttempts() throws Exception {
        start("inbound", "&fetchSize=5&maxAttempts=3&exceptionType=parse-failure", List.of("18ba5ce699f8da1f.0003"));

        await().atMost(Duration.ofSeconds(20)).until(() -> streamState("inbound").get("position").asInt() == 24);
        assertThat(uids.stream().filter("18ba5ce699f8da1f.0003"::equals).count()).isEqualTo(3);
        assertThat(calls(CommsMiningTestSupport.EXCEPTIONS)).isEqualTo(1);
        JsonNode exception = streamState("inbound").at("/exceptions/0");
        assertThat(exception.get("uid").asText()).isEqualTo("18ba5ce699f8da1f.0003");
        assertThat(exception.at("/metadata/type").asText()).isEqualTo("parse-failure");
        // at least once: the comments of the poison's batch came again with it until it was skipped
        assertThat(delivered.stream().map(r -> r.comment().uid()).distinct().toList())
                .doesNotContain("18ba5ce699f8da1f.0003").contains("18ba5ce699f8da1f.0024").hasSize(23);
    }

    @Test
    void batchesTheFilterEmptiedAreAdvancedPastAndOnlyMatchingCommentsArrive() throws Exception {
        start("complaints", "&fetchSize=2", List.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> streamState("complaints").get("position").asInt() == 24);
        assertThat(delivered).isNotEmpty().allSatisfy(r -> assertThat(r.labels().get(0).fullName())
                .isEqualTo("Feedback > Complaint"));
        assertThat(delivered.size()).isLessThan(24);
    }

    @Test
    void commentsSyncedLaterArePickedUpWhenTheStreamHasThem() throws Exception {
        start("inbound", "&fetchSize=64", List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 24);

        String sync = "{\"comments\":[{\"id\":\"late-1\",\"timestamp\":\"2024-06-01T09:00:00Z\",\"messages\":[{\"body\":"
                + "{\"text\":\"The laptop arrived with a cracked screen, the box was crushed.\"}}]}]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/api/v1/sources/demo/inbox/sync")).header("Authorization", "Bearer " + emulator.apiKey())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(sync)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 25);
        CommsMiningStreamResult late = delivered.get(24);
        assertThat(late.comment().uid()).isEqualTo("18ba5ce699f8da1f.late-1");
        assertThat(late.labels()).extracting(l -> l.fullName()).contains("Order > Damaged Item");
    }

    @Test
    void theConsumerNeedsItsStreamAndOnlyTheStreamOperationConsumes() {
        CamelContext context = new DefaultCamelContext();
        CommsMiningComponent component = new CommsMiningComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl());
        context.addComponent("commsmining", component);
        context.start();
        contexts.add(context);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint(
                "commsmining:stream?project=demo&dataset=support-emails").createConsumer(e -> { }))
                .hasMessageContaining("stream");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint(
                "commsmining:predict?project=demo&dataset=support-emails").createConsumer(e -> { }))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("commsmining:stream");
    }
}
