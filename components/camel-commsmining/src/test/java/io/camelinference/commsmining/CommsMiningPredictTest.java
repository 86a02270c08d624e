package io.camelinference.commsmining;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelinference.commsmining.model.CommsMiningDocument;
import io.camelinference.commsmining.model.CommsMiningMessage;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.CommsMiningValidation;
import io.camelinference.commsmining.model.Entity;
import io.camelinference.commsmining.model.EntitySpan;
import io.camelinference.commsmining.model.PredictedLabel;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** predict, predict-comments and validation against the emulator's trained model. */
class CommsMiningPredictTest extends CommsMiningTestSupport {

    private static final String REFUND = "I returned the item two weeks ago and I am still waiting for my refund of"
            + " $49.90 for order #12345. Please refund the money to my card.\n\nKind regards,\nAlice Smith";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange predict(String options, Object body, Map<String, Object> headers) {
        return template.request("commsmining:predict?" + DEMO + options, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    @Test
    void aStringIsOneMessageAndGetsHierarchicalLabelsEntitiesAndHeaders() {
        Exchange out = predict("", REFUND, Map.of());

        assertThat(out.getException()).isNull();
        CommsMiningPrediction p = out.getMessage().getBody(CommsMiningPrediction.class);
        PredictedLabel top = p.topLabel();
        assertThat(top.name()).containsExactly("Billing");
        assertThat(p.labels()).extracting(PredictedLabel::fullName).contains("Billing > Refund");
        assertThat(p.labels()).allSatisfy(l -> assertThat(l.probability()).isBetween(0.25, 1.0));
        assertThat(p.entities()).extracting(Entity::name, Entity::formattedValue)
                .contains(org.assertj.core.groups.Tuple.tuple("money", "USD 49.90"),
                        org.assertj.core.groups.Tuple.tuple("order_number", "12345"),
                        org.assertj.core.groups.Tuple.tuple("person", "Alice Smith"));
        Entity person = p.entities().stream().filter(e -> e.name().equals("person")).findFirst().orElseThrow();
        EntitySpan span = person.allSpans().get(0);
        assertThat(REFUND.substring(span.charStart(), span.charEnd())).isEqualTo("Alice Smith");
        assertThat(p.labelProperties()).extracting(l -> l.name()).containsExactly("Tone");
        assertThat(out.getMessage().getHeader(CommsMiningConstants.PREDICTED_MODEL_VERSION)).isEqualTo(2);
        assertThat(out.getMessage().getHeader(CommsMiningConstants.AI_UNITS)).isEqualTo(1);
        assertThat(out.getMessage().getHeader(CommsMiningConstants.LABEL_COUNT, Integer.class)).isEqualTo(p.labels().size());
        assertThat(out.getMessage().getHeader(CommsMiningConstants.TOP_LABEL)).isEqualTo("Billing");
        assertThat(out.getMessage().getHeader(CommsMiningConstants.TOP_SCORE, Double.class))
                .isEqualTo(top.probability());
        assertThat(calls(PREDICT)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void documentsRecordsMapsAndMessagesAreAcceptedAndSentWithTheirFields() {
        CommsMiningDocument doc = new CommsMiningDocument(List.of(new CommsMiningMessage(
                new io.camelinference.commsmining.model.MessageText("Thank you so much, your team was wonderful and"
                        + " very helpful."), new io.camelinference.commsmining.model.MessageText("Great service"),
                null, "zoe@example.com", List.of("support@acme.example"), null, null, "2024-03-01T10:00:00Z", "en")),
                "2024-03-01T10:00:00Z", Map.of("string:City", "Leeds"), null);
        assertThat(predict("", doc, Map.of()).getMessage().getHeader(CommsMiningConstants.TOP_LABEL))
                .isEqualTo("Feedback");

        Map<String, Object> mapDocument = Map.of("messages", List.of(Map.of("body", Map.of("text",
                "My card was declined and the payment failed twice."))));
        assertThat(predict("", mapDocument, Map.of()).getMessage().getBody(CommsMiningPrediction.class).labels())
                .extracting(PredictedLabel::fullName).contains("Billing > Payment Failed");
        Map<String, Object> mapMessage = Map.of("subject", Map.of("text", "Password reset"),
                "body", Map.of("text", "I forgot my password and cannot log in."));
        assertThat(predict("", mapMessage, Map.of()).getMessage().getHeader(CommsMiningConstants.TOP_LABEL))
                .isEqualTo("Account");
        PredictedLabel compliment = predict("", doc, Map.of()).getMessage().getBody(CommsMiningPrediction.class)
                .labels().stream().filter(l -> l.fullName().equals("Feedback > Compliment")).findFirst().orElseThrow();
        assertThat(compliment.sentiment()).isPositive();
    }

    @Test
    void thresholdAutoGivesEveryLabelItsAutomaticThresholds() {
        Exchange out = predict("&threshold=auto", REFUND, Map.of());

        List<PredictedLabel> labels = out.getMessage().getBody(CommsMiningPrediction.class).labels();
        assertThat(labels).isNotEmpty();
        assertThat(labels).allSatisfy(l -> assertThat(l.autoThresholds()).isNotEmpty()
                .isSubsetOf("high_recall", "balanced", "high_precision"));
        assertThat(labels.get(0).autoThresholds()).contains("high_recall");
    }

    @Test
    void labelsAndThresholdNarrowTheAnswerAndHeadersOverrideTheOptions() {
        Exchange narrowed = predict("&threshold=0&labels=Billing > Refund,Order:0.99", REFUND, Map.of());
        assertThat(narrowed.getMessage().getBody(CommsMiningPrediction.class).labels())
                .extracting(PredictedLabel::fullName).containsExactly("Billing > Refund");

        Exchange overridden = predict("&threshold=0.99&modelVersion=1", REFUND, Map.of(
                CommsMiningConstants.THRESHOLD, "0", CommsMiningConstants.MODEL_VERSION, "staging",
                CommsMiningConstants.LABELS, List.of("Order")));
        assertThat(overridden.getException()).isNull();
        assertThat(overridden.getMessage().getBody(CommsMiningPrediction.class).labels())
                .extracting(PredictedLabel::fullName).containsExactly("Order");
        assertThat(overridden.getMessage().getHeader(CommsMiningConstants.PREDICTED_MODEL_VERSION)).isEqualTo(3);
    }

    @Test
    void aWrongTokenIsAClear401WithoutTheTokenAndNothingIsBilled() {
        Exchange out = predict("&apiKey=wrong-secret-123", REFUND, Map.of());

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("401").hasMessageContaining("Invalid API token")
                .hasMessageNotContaining("wrong-secret-123");
        assertThat(billed()).isZero();
    }

    @Test
    void theServicesRefusalsReachTheRouteWithTheirStatusAndMessage() {
        Exchange forbidden = template.request("commsmining:predict?project=private&dataset=hr-emails",
                e -> e.getMessage().setBody("hello"));
        assertThat(((InferenceApiException) forbidden.getException()).getStatusCode()).isEqualTo(403);
        Exchange noVersion = predict("&modelVersion=42", "hello", Map.of());
        assertThat(noVersion.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("404").hasMessageContaining("Model version 42 does not exist");
        assertThat(billed()).isZero();
    }

    @Test
    void bodiesThatCannotBeSentAsMeantAreRefusedBeforeAnyCall() {
        for (Object body : new Object[] {null, 42, new Object(), List.of(), "   ", Map.of("nothing", 1),
                "a".repeat(65_537), List.of("ok", "b".repeat(70_000))}) {
            Exchange out = predict("", body, Map.of());
            assertThat(out.getException()).as(String.valueOf(body).substring(0, Math.min(20,
                    String.valueOf(body).length()))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("Jackson");
        }
        assertThat(predict("", "a".repeat(65_537), Map.of()).getException()).hasMessageContaining("65536");
        assertThat(emulator.stats().totalCalls("commsmining")).isZero();
    }

    @Test
    void commentsOnThePlatformArePredictedByUidInTheOrderGivenOneAiUnitEach() {
        Exchange out = template.request("commsmining:predict-comments?" + DEMO,
                e -> e.getMessage().setBody(List.of("18ba5ce699f8da1f.0003", "18ba5ce699f8da1f.0001")));
        assertThat(out.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<CommsMiningPrediction> predictions = out.getMessage().getBody(List.class);
        assertThat(predictions).extracting(CommsMiningPrediction::uid)
                .containsExactly("18ba5ce699f8da1f.0003", "18ba5ce699f8da1f.0001");
        assertThat(predictions.get(1).labels()).extracting(PredictedLabel::fullName).contains("Billing > Refund");
        CommsMiningPrediction one = template.requestBody("commsmining:predict-comments?" + DEMO,
                "18ba5ce699f8da1f.0002", CommsMiningPrediction.class);
        assertThat(one.uid()).isEqualTo("18ba5ce699f8da1f.0002");
        assertThat(billed()).as("three comments predicted").isEqualTo(3);
    }

    @Test
    void validationGivesTheModelsStatistics() {
        CommsMiningValidation v = template.requestBody("commsmining:validation?" + DEMO + "&modelVersion=latest",
                null, CommsMiningValidation.class);
        assertThat(v.version()).isEqualTo(3);
        assertThat(v.numLabels()).isEqualTo(17);
        assertThat(v.labels()).extracting(CommsMiningValidation.Label::name).contains("Billing > Refund");
        assertThat(v.meanAveragePrecisionSafe()).isBetween(0.5, 1.0);
    }
}
