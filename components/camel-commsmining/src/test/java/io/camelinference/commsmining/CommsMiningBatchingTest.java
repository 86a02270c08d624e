package io.camelinference.commsmining;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.commsmining.model.CommsMiningDocument;
import io.camelinference.commsmining.model.CommsMiningPredictRequest;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Volume: a List split at the 4096 limit in order; single-document messages micro-batched into few requests. */
class CommsMiningBatchingTest extends CommsMiningTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // one e-mail per message; a long linger, so only full batches leave and the count is exact
                from("direct:one").to("commsmining:predict?" + DEMO + "&batchSize=250&batchLinger=30s");
                from("direct:lingering").to("commsmining:predict?" + DEMO + "&batchSize=100&batchLinger=150ms");
            }
        };
    }

    /** Distinct e-mails of two topics: even ones ask for a refund, odd ones for a missing parcel. */
    private static String email(int i) {
        return i % 2 == 0 ? "Customer " + i + ": I returned the item and still wait for my refund, please refund my money."
                : "Customer " + i + ": where is my parcel? The delivery has not arrived and tracking shows nothing.";
    }

    private static String topic(int i) {
        return i % 2 == 0 ? "Billing" : "Order";
    }

    @Test
    void tenThousandDocumentsInOneListAreThreeRequestsWithThePredictionsInInputOrder() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            emails.add(email(i));
        }

        Exchange out = template.request("commsmining:predict?" + DEMO + "&responseTimeout=2m",
                e -> e.getMessage().setBody(emails));

        assertThat(out.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<CommsMiningPrediction> predictions = out.getMessage().getBody(List.class);
        assertThat(predictions).hasSize(10_000);
        for (int i = 0; i < predictions.size(); i++) {
            assertThat(predictions.get(i).topLabel().fullName()).as("prediction %d", i).isEqualTo(topic(i));
        }
        assertThat(calls(PREDICT)).as("requests for 10,000 documents").isEqualTo(3);
        assertThat(billed()).isEqualTo(10_000);
        assertThat(emulator.stats().duplicateBilled("commsmining")).isZero();
        assertThat(out.getMessage().getHeader(CommsMiningConstants.AI_UNITS)).isEqualTo(10_000);
    }

    @Test
    void aRequestOf4097DocumentsIsRefusedBeforeAnyCallNamingTheLimit() {
        List<CommsMiningDocument> documents = new ArrayList<>();
        for (int i = 0; i < 4097; i++) {
            documents.add(CommsMiningDocument.of(email(i)));
        }

        Exchange out = template.request("commsmining:predict?" + DEMO,
                e -> e.getMessage().setBody(new CommsMiningPredictRequest(documents, null, null)));

        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4097").hasMessageContaining("at most 4096").hasMessageContaining("List");
        assertThat(emulator.stats().totalCalls("commsmining")).isZero();
    }

    @Test
    void aThousandConcurrentSingleDocumentMessagesShareFourRequestsAndEachGetsItsOwnAnswer() throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String body = email(i);
            sent.add(template.asyncSend("direct:one", e -> e.getMessage().setBody(body)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        for (int i = 0; i < 1000; i++) {
            Exchange out = sent.get(i).get();
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(CommsMiningConstants.TOP_LABEL)).as("message %d", i).isEqualTo(topic(i));
            assertThat(out.getMessage().getHeader(CommsMiningConstants.AI_UNITS)).isEqualTo(1);
            assertThat(out.getMessage().getBody(CommsMiningPrediction.class).entities()).isNotNull();
        }
        assertThat(calls(PREDICT)).as("requests for 1,000 single-document messages").isEqualTo(4);
        assertThat(billed()).isEqualTo(1000);
    }

    @Test
    void aBatchThatDoesNotFillLeavesAfterItsLinger() throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String body = email(i);
            sent.add(template.asyncSend("direct:lingering", e -> e.getMessage().setBody(body)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        assertThat(sent).allSatisfy(f -> assertThat(f.get().getException()).isNull());
        assertThat(sent.get(1).get().getMessage().getHeader(CommsMiningConstants.TOP_LABEL)).isEqualTo("Order");
        assertThat(calls(PREDICT)).isEqualTo(1);
    }
}
