package io.camelinference.emulator.commsmining;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.commsmining.CommsMiningApi.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelinference.emulator.commsmining.CommsMiningApi.DATASET;
import static io.camelinference.emulator.commsmining.CommsMiningApi.LIVE;
import static io.camelinference.emulator.commsmining.CommsMiningApi.MAPPER;
import static io.camelinference.emulator.commsmining.CommsMiningApi.documents;
import static org.assertj.core.api.Assertions.assertThat;

/** The emulated labellers: predict, raw e-mails, comments, validation, their limits and their errors. */
class CommsMiningPredictTest {

    private static final String CM = "commsmining";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension("cm-token");

    private CommsMiningApi api() {
        return new CommsMiningApi(emulator.baseUrl(), "cm-token");
    }

    private static List<String> names(JsonNode labels) {
        List<String> out = new ArrayList<>();
        labels.forEach(l -> {
            List<String> parts = new ArrayList<>();
            l.get("name").forEach(p -> parts.add(p.asText()));
            out.add(String.join(" > ", parts));
        });
        return out;
    }

    @Test
    void predictAnswersHierarchicalLabelsSentimentEntitiesPropertiesAndTheModelAndBillsPerDocument() throws Exception {
        Answer a = api().post(LIVE + "/predict", documents(
                "Hi Bob,\n\nYour support was terrible, I am very disappointed and want to make a formal complaint."
                        + "\n\nRegards,\nAlice Smith",
                "Where is my parcel? My order #12345 was supposed to arrive on 9 January 2025, I paid $49.90."));

        assertThat(a.status()).isEqualTo(200);
        JsonNode r = a.json();
        assertThat(r.get("status").asText()).isEqualTo("ok");
        assertThat(r.get("predictions")).hasSize(2);
        assertThat(names(r.at("/predictions/0"))).startsWith("Feedback", "Feedback > Complaint");
        JsonNode complaint = r.at("/predictions/0/1");
        assertThat(complaint.get("probability").asDouble()).isBetween(0.5, 1.0);
        assertThat(complaint.get("sentiment").asDouble()).isNegative();
        assertThat(names(r.at("/predictions/1"))).contains("Order > Delivery Status");
        assertThat(r.at("/predictions/1/0").has("sentiment")).isFalse();
        List<String> entities = new ArrayList<>();
        r.at("/entities/1").forEach(e -> entities.add(e.get("name").asText() + "=" + e.get("formatted_value").asText()));
        assertThat(entities).containsExactly("order_number=12345", "date=2025-01-09 00:00 UTC", "money=USD 49.90");
        JsonNode person = r.at("/entities/0/1");
        assertThat(person.get("formatted_value").asText()).isEqualTo("Alice Smith");
        assertThat(r.at("/entities/0/0/formatted_value").asText()).isEqualTo("Bob");
        assertThat(r.at("/entities/0/0/spans/0/char_start").asInt()).isEqualTo(3);
        assertThat(r.at("/entities/0/0/spans/0/utf16_byte_end").asInt()).isEqualTo(12);
        assertThat(r.at("/label_properties/0/0/name").asText()).isEqualTo("Tone");
        assertThat(r.at("/label_properties/0/0/value").asDouble()).isNegative();
        assertThat(r.at("/model/version").asInt()).isEqualTo(2);
        assertThat(emulator.stats().billedUnits(CM)).isEqualTo(2);
        JsonNode state = api().get("/_emulator/commsmining/state").json();
        assertThat(state.at("/datasets/demo~1support-emails/billedUnits/predict").asLong()).isEqualTo(2);
    }

    @Test
    void spansCountCodePointsAndUtf16BytesApartForNonAsciiText() throws Exception {
        String text = "Hi 😀 team, your invoice INV-2024-0042 for €45.50 is missing.\n\nRegards,\nRenée Müller";
        JsonNode r = api().post(LIVE + "/predict", documents(text)).json();
        JsonNode invoice = null;
        for (JsonNode e : r.at("/entities/0")) {
            if (e.get("name").asText().equals("invoice_number")) {
                invoice = e.at("/spans/0");
            }
        }
        int javaStart = text.indexOf("INV-");
        assertThat(invoice).isNotNull();
        assertThat(invoice.get("char_start").asInt()).isEqualTo(javaStart - 1); // the emoji is one character, two UTF-16 units
        assertThat(invoice.get("utf16_byte_start").asInt()).isEqualTo(2 * javaStart);
        assertThat(invoice.get("char_end").asInt() - invoice.get("char_start").asInt()).isEqualTo(13);
        assertThat(r.toString()).contains("\"formatted_value\":\"Renée Müller\"").contains("EUR 45.50");
    }

    @Test
    void thresholdAutoGivesEachLabelItsAutomaticThresholdsAndLabelsNarrowTheAnswer() throws Exception {
        ObjectNode auto = documents("I want a refund of the money you charged me for the returned item.");
        auto.put("threshold", "auto");
        JsonNode labels = api().post(LIVE + "/predict", auto).json().at("/predictions/0");
        assertThat(labels).isNotEmpty();
        labels.forEach(l -> assertThat(l.get("auto_thresholds")).isNotEmpty());
        assertThat(labels.get(0).get("auto_thresholds").toString()).contains("high_recall");

        ObjectNode all = documents("hello");
        all.put("threshold", 0.0);
        assertThat(api().post(LIVE + "/predict", all).json().at("/predictions/0")).hasSize(17);

        ObjectNode narrowed = documents("I want a refund of the money you charged me for the returned item.");
        narrowed.put("threshold", 0.0);
        ArrayNode wanted = narrowed.putArray("labels");
        wanted.addObject().set("name", MAPPER.createArrayNode().add("Billing").add("Refund"));
        wanted.addObject().put("threshold", 0.99).set("name", MAPPER.createArrayNode().add("Order"));
        assertThat(names(api().post(LIVE + "/predict", narrowed).json().at("/predictions/0")))
                .containsExactly("Billing > Refund");
    }

    @Test
    void badValuesAndOverLimitRequestsAreErrorAnswersNotTruncationsAndNothingIsBilled() throws Exception {
        CommsMiningApi api = api();
        ObjectNode high = documents("x");
        high.put("threshold", 1.5);
        assertThat(api.post(LIVE + "/predict", high).status()).isEqualTo(422);
        ObjectNode word = documents("x");
        word.put("threshold", "high");
        Answer wrongType = api.post(LIVE + "/predict", word);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("status").asText()).isEqualTo("error");
        ObjectNode unknown = documents("x");
        unknown.putArray("labels").addObject().set("name", MAPPER.createArrayNode().add("Nope"));
        assertThat(api.post(LIVE + "/predict", unknown).status()).isEqualTo(422);

        String[] many = new String[4097];
        java.util.Arrays.fill(many, "short e-mail");
        Answer tooMany = api.post(LIVE + "/predict", documents(many));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("message").asText()).contains("4097").contains("4096");

        Answer tooLong = api.post(LIVE + "/predict", documents("ok", "a".repeat(65_537)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("message").asText()).contains("65536");
        assertThat(api.post(LIVE + "/predict", "{\"documents\": [{\"messages\": []}]}").status()).isEqualTo(400);
        assertThat(emulator.stats().billedUnits(CM)).isZero();
    }

    @Test
    void tokensDatasetsAndVersionsAreCheckedAsTheServiceDoes() throws Exception {
        CommsMiningApi api = api();
        Answer none = api.send("POST", LIVE + "/predict", documents("x"), null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("status").asText()).isEqualTo("error");
        Answer wrong = api.send("POST", LIVE + "/predict", documents("x"), "stolen-token-42");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().toString()).doesNotContain("stolen-token-42");
        assertThat(api.post("/api/v1/datasets/private/hr-emails/labellers/live/predict", documents("x")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/datasets/demo/nope/labellers/live/predict", documents("x")).status()).isEqualTo(404);
        assertThat(api.post(DATASET + "/labellers/9/predict", documents("x")).status()).isEqualTo(404);
        for (String[] v : new String[][] {{"1", "1"}, {"live", "2"}, {"staging", "3"}, {"latest", "3"}, {"Live", "2"}}) {
            assertThat(api.post(DATASET + "/labellers/" + v[0] + "/predict", documents("x")).json()
                    .at("/model/version").asText()).as(v[0]).isEqualTo(v[1]);
        }
        Answer unknownPath = api.get("/api/v1/nothing-here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json().get("status").asText()).isEqualTo("error");
        assertThat(api.get("/auth/user").json().at("/user/username").asText()).isNotBlank();
    }

    @Test
    void rawEmailsAreParsedFromRawHeadersAndHtmlAndCanReturnTheirComments() throws Exception {
        String raw = "{\"transform_tag\":\"generic.0.CONVKER5\",\"include_comments\":true,\"documents\":["
                + "{\"raw_email\":{\"headers\":{\"raw\":\"Message-ID: <abc@x.example>\\nDate: Thu, 09 Jan 2020 16:34:45"
                + " +0000\\nSubject: =?UTF-8?B?UmVmdW5kIHBsZWFzZSDwn5iA?=\\nFrom: Zoë <zoe@x.example>\\nTo: support@acme"
                + ".example\"},\"body\":{\"html\":\"<p>I returned the item, please refund my money.</p><p>Thanks,<br/>"
                + "Zoë Larsen</p>\"},\"attachments\":[{\"name\":\"receipt.pdf\",\"size\":52428800,\"content_type\":"
                + "\"application/pdf\"}]}}]}";
        Answer a = api().post(LIVE + "/predict-raw-emails", raw);
        assertThat(a.status()).isEqualTo(200);
        assertThat(names(a.json().at("/predictions/0"))).contains("Billing > Refund");
        JsonNode comment = a.json().at("/comments/0");
        assertThat(comment.at("/messages/0/subject/text").asText()).isEqualTo("Refund please 😀");
        assertThat(comment.at("/messages/0/from").asText()).isEqualTo("zoe@x.example");
        assertThat(comment.at("/messages/0/sent_at").asText()).isEqualTo("2020-01-09T16:34:45Z");
        assertThat(comment.at("/attachments/0/size").asLong()).isEqualTo(52_428_800L);
        assertThat(a.json().at("/entities/0").toString()).contains("Zoë Larsen");

        assertThat(api().post(LIVE + "/predict-raw-emails", raw.replace("\"transform_tag\":\"generic.0.CONVKER5\",", ""))
                .status()).isEqualTo(400);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 129; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"a").append(i).append("\",\"size\":1,\"content_type\":\"text/plain\"}");
        }
        assertThat(api().post(LIVE + "/predict-raw-emails", raw.replaceFirst("\\[\\{\"name\":\"receipt.pdf.*?\\}\\]",
                java.util.regex.Matcher.quoteReplacement(many + "]"))).status()).isEqualTo(422);
        assertThat(emulator.stats().billedUnits(CM)).isEqualTo(1);
        assertThat(api().get("/_emulator/commsmining/state").json()
                .at("/datasets/demo~1support-emails/billedUnits/predict-raw-emails").asLong()).isEqualTo(1);
    }

    @Test
    void commentsOnThePlatformArePredictedByUidBilledPerCommentAndValidationIsServed() throws Exception {
        ObjectNode body = MAPPER.createObjectNode();
        body.putArray("uids").add("18ba5ce699f8da1f.0001").add("18ba5ce699f8da1f.0002");
        Answer a = api().post(LIVE + "/predict-comments", body);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().at("/predictions/0/uid").asText()).isEqualTo("18ba5ce699f8da1f.0001");
        assertThat(a.json().at("/predictions/0/labels")).isNotEmpty();
        body.putArray("uids").add("18ba5ce699f8da1f.9999");
        assertThat(emulator.stats().billedUnits(CM)).as("one AI unit per comment").isEqualTo(2);
        assertThat(api().post(LIVE + "/predict-comments", body).status()).isEqualTo(404);
        assertThat(emulator.stats().billedUnits(CM)).as("a refused request bills nothing").isEqualTo(2);

        JsonNode v = api().get(DATASET + "/labellers/latest/validation").json().get("validation");
        assertThat(v.get("version").asInt()).isEqualTo(3);
        assertThat(v.get("num_labels").asInt()).isEqualTo(17);
        assertThat(v.get("mean_average_precision_safe").asDouble()).isBetween(0.5, 1.0);
        assertThat(v.at("/labels/1/parts").toString()).isEqualTo("[\"Billing\",\"Refund\"]");
        assertThat(v.get("dataset_quality").asText()).isIn("poor", "average", "good", "excellent");
    }

    @Test
    void aMalformedFaultAnswersATruncatedPredictBody() throws Exception {
        emulator.faults().add(FaultRule.builder().provider(CM).malformed(true).count(1).build());
        Answer a = null;
        try {
            a = api().post(LIVE + "/predict", documents("x"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException expected) {
            // the body is cut in the middle of a label name: no JSON parser reads it
        }
        assertThat(a).isNull();
    }
}
