package io.camelinference.emulator.commsmining;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Streams of a dataset, as the reinfer CLI uses them: list, get and create; {@code fetch} a batch from the stream's
 * position (the same comments again until it is advanced), {@code advance} to a sequence id, {@code reset} to a
 * creation time, and {@code PUT exceptions} for comments a consumer could not process. A fetched comment carries the
 * labels of the stream's model version reaching its label thresholds, and its entities; comments the stream's label
 * filter drops are only counted in {@code filtered}.
 */
final class StreamRoutes {

    static final String STREAMS = CommsMiningProvider.DATASETS + "/{project}/{dataset}/streams";
    static final String STREAM = STREAMS + "/{stream}";
    static final int MAX_FETCH = 1024;

    private final EmulatorContext ctx;
    private final CommsMiningStore store;

    StreamRoutes(EmulatorContext ctx, CommsMiningStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", STREAMS, this::list);
        ctx.route("PUT", STREAMS, this::create);
        ctx.route("GET", STREAM, this::get);
        ctx.route("POST", STREAM + "/fetch", this::fetch);
        ctx.route("POST", STREAM + "/advance", this::advance);
        ctx.route("POST", STREAM + "/reset", this::reset);
        ctx.route("PUT", STREAM + "/exceptions", this::exceptions);
    }

    private Dataset dataset(Request r) {
        return store.dataset(r.var("project"), r.var("dataset"));
    }

    private Reply list(Request r) {
        Dataset d = dataset(r);
        ObjectNode answer = ok();
        ArrayNode streams = answer.putArray("streams");
        d.streams().forEach(s -> streams.add(s.toJson(d.id())));
        return Reply.json(answer);
    }

    private Reply create(Request r) throws Exception {
        Dataset d = dataset(r);
        JsonNode body = r.jsonObject("Invalid request body: expected {\"stream\": {...}}");
        StreamState stream = StreamState.fromRequest(body, d.models(),
                EmulatorContext.digest((d.id() + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16));
        d.putStream(stream);
        ObjectNode answer = ok();
        answer.set("stream", stream.toJson(d.id()));
        return Reply.json(answer);
    }

    private Reply get(Request r) {
        Dataset d = dataset(r);
        ObjectNode answer = ok();
        answer.set("stream", d.stream(r.var("stream")).toJson(d.id()));
        return Reply.json(answer);
    }

    private Reply fetch(Request r) throws Exception {
        Dataset d = dataset(r);
        StreamState stream = d.stream(r.var("stream"));
        JsonNode body = r.jsonObject("Invalid request body: expected {\"size\": 1..1024}");
        JsonNode size = body.get("size");
        if (size == null || !size.canConvertToInt() || !size.isIntegralNumber()) {
            throw new ApiError(400, "Invalid request body: size is required and must be an integer");
        }
        if (size.asInt() < 1 || size.asInt() > MAX_FETCH) {
            throw new ApiError(422, "size must be between 1 and " + MAX_FETCH + ", got " + size.asInt());
        }
        int from = stream.cursor();
        List<StoredComment> window = d.window(from, from + size.asInt());
        LabelModel model = stream.modelVersion() == null ? null : d.models().get(stream.modelVersion());
        LabelModel filterModel = model != null ? model : d.models().get(ModelVersions.LIVE);
        ObjectNode answer = ok();
        ArrayNode results = answer.putArray("results");
        int filtered = 0;
        for (int i = 0; i < window.size(); i++) {
            StoredComment c = window.get(i);
            if (!stream.passes(filterModel, c.messages())) {
                filtered++;
                continue;
            }
            ObjectNode result = results.addObject();
            result.set("comment", c.json().deepCopy());
            result.put("sequence_id", SequenceIds.encode(from + i + 1));
            if (model != null) {
                result.set("labels", Predictor.streamLabels(model, stream.labelThresholds(), c.messages()));
                result.set("entities", Predictor.entities(c.messages()));
            }
        }
        int end = from + window.size();
        answer.put("filtered", filtered);
        answer.put("sequence_id", SequenceIds.encode(end));
        answer.put("is_end_sequence", end >= d.size());
        return Reply.json(answer);
    }

    private Reply advance(Request r) throws Exception {
        Dataset d = dataset(r);
        StreamState stream = d.stream(r.var("stream"));
        JsonNode body = r.jsonObject("Invalid request body: expected {\"sequence_id\": ...}");
        int position = SequenceIds.decode(Json.text(body, "sequence_id"));
        if (position > d.size()) {
            throw new ApiError(422, "sequence_id is past the end of the stream");
        }
        stream.moveTo(position);
        return Reply.json(ok());
    }

    private Reply reset(Request r) throws Exception {
        Dataset d = dataset(r);
        StreamState stream = d.stream(r.var("stream"));
        JsonNode body = r.jsonObject("Invalid request body: expected {\"to_comment_created_at\": ...}");
        String at = Json.text(body, "to_comment_created_at");
        Instant instant;
        try {
            instant = at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null) {
            throw new ApiError(400, "Invalid request body: to_comment_created_at must be an ISO-8601 date-time such"
                    + " as 2024-03-01T00:00:00Z, got " + at);
        }
        stream.moveTo(d.positionAt(instant));
        return Reply.json(ok());
    }

    private Reply exceptions(Request r) throws Exception {
        Dataset d = dataset(r);
        StreamState stream = d.stream(r.var("stream"));
        JsonNode body = r.jsonObject("Invalid request body: expected {\"exceptions\": [...]}");
        JsonNode exceptions = body.get("exceptions");
        if (exceptions == null || !exceptions.isArray()) {
            throw new ApiError(400, "Invalid request body: exceptions is required and must be an array");
        }
        for (JsonNode e : exceptions) {
            if (!e.path("uid").isTextual() || !e.path("metadata").path("type").isTextual()) {
                throw new ApiError(400, "Invalid request body: each exception needs uid and metadata.type, got " + e);
            }
        }
        exceptions.forEach(e -> stream.addException((ObjectNode) e));
        return Reply.json(ok());
    }

    private static ObjectNode ok() {
        return Json.object().put("status", "ok");
    }

    /** Opaque sequence ids: the position after a comment, as the service's ids only promise to be opaque. */
    static final class SequenceIds {
        private static final long SALT = 0x5ee9_0000_0000L;

        private SequenceIds() {
        }

        static String encode(int position) {
            return String.format("%016x", SALT + position);
        }

        static int decode(String id) {
            long v;
            try {
                v = id == null ? -1 : Long.parseUnsignedLong(id, 16) - SALT;
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new ApiError(400, "Invalid request body: sequence_id '" + id + "' is not a sequence id of this"
                        + " stream");
            }
            return (int) v;
        }
    }
}
