package io.camelinference.emulator.commsmining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.commsmining.CommsMiningApi.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelinference.emulator.commsmining.CommsMiningApi.DATASET;
import static io.camelinference.emulator.commsmining.CommsMiningApi.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/** Streams over the dataset's comments: fetch, advance, reset, filters, exceptions, and comments synced in later. */
class CommsMiningStreamTest {

    private static final String INBOUND = DATASET + "/streams/inbound";
    private static final String SOURCE = "/api/v1/sources/demo/inbox";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension("cm-token");

    private CommsMiningApi api() {
        return new CommsMiningApi(emulator.baseUrl(), "cm-token");
    }

    private JsonNode fetch(String stream, int size) throws Exception {
        Answer a = api().post(stream + "/fetch", MAPPER.createObjectNode().put("size", size));
        assertThat(a.status()).isEqualTo(200);
        return a.json();
    }

    @Test
    void streamsAreListedWithTheirModelAndLabelThresholds() throws Exception {
        JsonNode streams = api().get(DATASET + "/streams").json().get("streams");
        assertThat(streams).hasSize(2);
        assertThat(streams.get(0).get("name").asText()).isEqualTo("inbound");
        assertThat(streams.at("/0/model/version").asInt()).isEqualTo(2);
        assertThat(streams.at("/0/model/label_thresholds/1/name").toString()).isEqualTo("[\"Billing\",\"Refund\"]");
        assertThat(api().get(INBOUND).json().at("/stream/title").asText()).isNotBlank();
        assertThat(api().get(DATASET + "/streams/nope").status()).isEqualTo(404);
    }

    @Test
    void aFetchWithoutAdvanceReturnsTheSameCommentsAndAdvanceMovesOn() throws Exception {
        JsonNode first = fetch(INBOUND, 5);
        assertThat(first.get("results")).hasSize(5);
        assertThat(first.get("filtered").asInt()).isZero();
        assertThat(first.get("is_end_sequence").asBoolean()).isFalse();
        JsonNode result = first.at("/results/0");
        assertThat(result.at("/comment/uid").asText()).isEqualTo("18ba5ce699f8da1f.0001");
        assertThat(result.get("labels")).isNotEmpty();
        assertThat(result.get("entities")).isNotNull();
        assertThat(result.at("/labels/0/name").isArray()).isTrue();

        JsonNode again = fetch(INBOUND, 5);
        assertThat(again.at("/results/0/comment/uid")).isEqualTo(first.at("/results/0/comment/uid"));
        assertThat(again.get("sequence_id")).isEqualTo(first.get("sequence_id"));

        assertThat(api().post(INBOUND + "/advance", MAPPER.createObjectNode()
                .set("sequence_id", first.get("sequence_id"))).status()).isEqualTo(200);
        assertThat(fetch(INBOUND, 5).at("/results/0/comment/uid").asText()).isEqualTo("18ba5ce699f8da1f.0006");

        JsonNode rest = fetch(INBOUND, 1024);
        assertThat(rest.get("results")).hasSize(19);
        assertThat(rest.get("is_end_sequence").asBoolean()).isTrue();
        api().post(INBOUND + "/advance", MAPPER.createObjectNode().set("sequence_id", rest.get("sequence_id")));
        JsonNode empty = fetch(INBOUND, 10);
        assertThat(empty.get("results")).isEmpty();
        assertThat(empty.get("is_end_sequence").asBoolean()).isTrue();
    }

    @Test
    void syncedCommentsReachTheEndOfTheStreamAndResetGoesBackInTime() throws Exception {
        JsonNode all = fetch(INBOUND, 1024);
        api().post(INBOUND + "/advance", MAPPER.createObjectNode().set("sequence_id", all.get("sequence_id")));
        ObjectNode sync = MAPPER.createObjectNode();
        ArrayNode comments = sync.putArray("comments");
        ObjectNode c = comments.addObject().put("id", "new-1").put("timestamp", "2024-05-01T10:00:00Z");
        c.putArray("messages").addObject().putObject("body").put("text", "My card payment of $20 was declined.");
        Answer synced = api().post(SOURCE + "/sync", sync);
        assertThat(synced.json().get("new").asInt()).isEqualTo(1);
        assertThat(api().post(SOURCE + "/sync", sync).json().get("unchanged").asInt()).isEqualTo(1);

        JsonNode next = fetch(INBOUND, 10);
        assertThat(next.get("results")).hasSize(1);
        assertThat(next.at("/results/0/comment/uid").asText()).isEqualTo("18ba5ce699f8da1f.new-1");
        assertThat(next.at("/results/0/labels/0/name/0").asText()).isEqualTo("Billing");

        assertThat(api().post(INBOUND + "/reset", MAPPER.createObjectNode()
                .put("to_comment_created_at", "2024-03-02T00:00:00Z")).status()).isEqualTo(200);
        assertThat(fetch(INBOUND, 1).at("/results/0/comment/uid").asText()).isEqualTo("18ba5ce699f8da1f.0009");
        assertThat(api().post(INBOUND + "/reset", MAPPER.createObjectNode().put("to_comment_created_at", "yesterday"))
                .status()).isEqualTo(400);
    }

    @Test
    void aLabelFilterCountsWhatItDropsAsFiltered() throws Exception {
        JsonNode batch = fetch(DATASET + "/streams/complaints", 24);
        int results = batch.get("results").size();
        assertThat(results).isPositive();
        assertThat(batch.get("filtered").asInt()).isEqualTo(24 - results);
        batch.get("results").forEach(r -> assertThat(r.at("/labels/0/name").toString())
                .isEqualTo("[\"Feedback\",\"Complaint\"]"));
    }

    @Test
    void badFetchSizesSequenceIdsAndExceptionsAreRefusedAndExceptionsAreKept() throws Exception {
        CommsMiningApi api = api();
        assertThat(api.post(INBOUND + "/fetch", MAPPER.createObjectNode().put("size", 0)).status()).isEqualTo(422);
        assertThat(api.post(INBOUND + "/fetch", MAPPER.createObjectNode().put("size", 1025)).status()).isEqualTo(422);
        assertThat(api.post(INBOUND + "/fetch", "{}").status()).isEqualTo(400);
        assertThat(api.post(INBOUND + "/advance", MAPPER.createObjectNode().put("sequence_id", "zz")).status())
                .isEqualTo(400);
        assertThat(api.send("PUT", INBOUND + "/exceptions", "{\"exceptions\":[{\"uid\":\"x\"}]}").status())
                .isEqualTo(400);

        String exception = "{\"exceptions\":[{\"metadata\":{\"type\":\"camel-route-failure\"},"
                + "\"uid\":\"18ba5ce699f8da1f.0003\"}]}";
        assertThat(api.send("PUT", INBOUND + "/exceptions", exception).status()).isEqualTo(200);
        JsonNode state = api.get("/_emulator/commsmining/state").json();
        assertThat(state.at("/datasets/demo~1support-emails/streams/inbound/exceptions/0/uid").asText())
                .isEqualTo("18ba5ce699f8da1f.0003");
    }

    @Test
    void aStreamCanBeCreatedWithItsOwnModelAndThresholds() throws Exception {
        String body = "{\"stream\":{\"name\":\"refunds\",\"model\":{\"version\":3,\"label_thresholds\":"
                + "[{\"name\":[\"Billing\",\"Refund\"],\"threshold\":0.5}]}}}";
        assertThat(api().send("PUT", DATASET + "/streams", body).status()).isEqualTo(200);
        JsonNode batch = fetch(DATASET + "/streams/refunds", 24);
        assertThat(batch.get("results")).hasSize(24);
        long labelled = 0;
        for (JsonNode r : batch.get("results")) {
            labelled += r.get("labels").size();
            r.get("labels").forEach(l -> assertThat(l.get("probability").asDouble()).isGreaterThanOrEqualTo(0.5));
        }
        assertThat(labelled).isBetween(1L, 23L);
    }
}
