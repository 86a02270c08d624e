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
import io.camelinference.common.component.InferenceRuntime;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch whose comments all fail in a commsmining producer: their exchanges complete on the component's completion
 * threads, so that is where the consumer learns they are poisoned. Reporting them there with a blocking call would
 * take every completion thread once more comments than threads are poisoned together, and the answers to those
 * reports can only be delivered on a completion thread: the batch would never complete.
 */
class CommsMiningPoisonedBatchTest {

    private static final String STREAM_STATE = "/_emulator/commsmining/state";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    private final List<String> routed = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** A context with a commsmining component on the emulator, and the routes, started. */
    private void start(RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        CommsMiningComponent component = new CommsMiningComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl());
        context.addComponent("commsmining", component);
        context.getShutdownStrategy().setTimeout(2);
        context.addRoutes(routes);
        context.start();
    }

    @Test
    void moreCommentsPoisonedInABatchThanCompletionThreadsAreReportedAndTheStreamMovesOn() throws Exception {
        // every prediction fails (a 400 is not retried), and the answers to the reports are slow enough that every
        // completion thread would be waiting in one before the first answer comes
        emulator.faults().add(FaultRule.builder().provider("commsmining").method("POST")
                .path("/api/v1/datasets/*/*/labellers/*/predict-comments").status(400).build());
        emulator.faults().add(FaultRule.builder().provider("commsmining").method("PUT")
                .path("/api/v1/datasets/*/*/streams/*/exceptions").latencyMs(500L).build());
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("commsmining:stream?project=demo&dataset=support-emails&stream=inbound&fetchSize=24"
                        + "&maxAttempts=1&delay=50&initialDelay=0")
                        .setBody(header(CommsMiningConstants.COMMENT_UID))
                        .process(e -> routed.add(e.getMessage().getBody(String.class)))
                        .to("commsmining:predict-comments?project=demo&dataset=support-emails");
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> streamState().get("position").asInt() == 24);
        assertThat(routed).as("one batch of more comments than completion threads, each routed once")
                .hasSize(24).hasSizeGreaterThan(InferenceRuntime.COMPLETION_THREADS).doesNotHaveDuplicates();
        assertThat(emulator.stats().calls("commsmining", CommsMiningTestSupport.PREDICT_COMMENTS)).isEqualTo(24);
        JsonNode exceptions = streamState().get("exceptions");
        assertThat(exceptions).as("every poisoned comment reported").hasSize(24);
        assertThat(exceptions.findValuesAsText("uid")).containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void aPoisonedCommentWhoseReportFailsIsNotAdvancedPastButComesAgainAndIsReported() throws Exception {
        emulator.faults().add(FaultRule.builder().provider("commsmining").method("PUT")
                .path("/api/v1/datasets/*/*/streams/*/exceptions").status(400).count(1).build());
        String poison = "18ba5ce699f8da1f.0003";
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("commsmining:stream?project=demo&dataset=support-emails&stream=inbound&fetchSize=5"
                        + "&maxAttempts=1&delay=50&initialDelay=0")
                        .process(e -> {
                            String uid = e.getMessage().getHeader(CommsMiningConstants.COMMENT_UID, String.class);
                            routed.add(uid);
                            if (poison.equals(uid)) {
                                throw new IllegalStateException("cannot handle " + uid);
                            }
                        });
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> streamState().get("position").asInt() == 24);
        assertThat(routed.stream().filter(poison::equals).count()).as("its batch came again after the failed report")
                .isEqualTo(2);
        assertThat(emulator.stats().calls("commsmining", CommsMiningTestSupport.EXCEPTIONS)).isEqualTo(2);
        assertThat(streamState().get("exceptions").findValuesAsText("uid")).containsExactly(poison);
    }

    private static JsonNode streamState() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                + STREAM_STATE)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).at("/datasets/demo~1support-emails/streams/inbound");
    }
}
