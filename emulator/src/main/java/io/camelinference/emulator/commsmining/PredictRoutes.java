package io.camelinference.emulator.commsmining;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * The labellers of a dataset: {@code predict} (documents), {@code predict-raw-emails} (raw e-mails) and
 * {@code predict-comments} (comments already on the platform, by uid), all billed one AI unit per document or comment
 * once the whole request was found valid (UiPath bills every prediction, whatever route asked for it), and
 * {@code validation}.
 */
final class PredictRoutes {

    static final String LABELLER = CommsMiningProvider.DATASETS + "/{project}/{dataset}/labellers/{version}";

    private final EmulatorContext ctx;
    private final CommsMiningStore store;

    PredictRoutes(EmulatorContext ctx, CommsMiningStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("POST", LABELLER + "/predict", this::predict);
        ctx.route("POST", LABELLER + "/predict-raw-emails", this::predictRawEmails);
        ctx.route("POST", LABELLER + "/predict-comments", this::predictComments);
        ctx.route("GET", LABELLER + "/validation", this::validation);
    }

    private Reply predict(Request r) throws Exception {
        Dataset dataset = store.dataset(r.var("project"), r.var("dataset"));
        LabelModel model = dataset.models().resolve(r.var("version"), dataset.fullName());
        JsonNode body = r.jsonObject("Invalid request body: expected a JSON object with documents");
        PredictOptions options = PredictOptions.parse(body, dataset.models().taxonomy());
        JsonNode documents = Documents.list(body, "documents");
        List<JsonNode> messages = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            messages.add(Documents.messages(documents.get(i), i));
        }
        bill(dataset, "predict", documents);
        return Reply.json(answer(model, options, messages));
    }

    private Reply predictRawEmails(Request r) throws Exception {
        Dataset dataset = store.dataset(r.var("project"), r.var("dataset"));
        LabelModel model = dataset.models().resolve(r.var("version"), dataset.fullName());
        JsonNode body = r.jsonObject("Invalid request body: expected a JSON object with documents and transform_tag");
        JsonNode tag = body.get("transform_tag");
        if (tag == null || !tag.isTextual() || tag.asText().isBlank()) {
            throw new ApiError(400, "Invalid request body: transform_tag is required (e.g. \"generic.0.CONVKER5\")");
        }
        JsonNode include = body.get("include_comments");
        if (include != null && !include.isNull() && !include.isBoolean()) {
            throw new ApiError(400, "Invalid request body: include_comments must be true or false");
        }
        PredictOptions options = PredictOptions.parse(body, dataset.models().taxonomy());
        JsonNode documents = Documents.list(body, "documents");
        List<ObjectNode> comments = new ArrayList<>();
        List<JsonNode> messages = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            ObjectNode comment = RawEmails.comment(documents.get(i), i);
            comments.add(comment);
            messages.add(comment.get("messages"));
        }
        bill(dataset, "predict-raw-emails", documents);
        ObjectNode answer = answer(model, options, messages);
        if (include != null && include.asBoolean()) {
            ArrayNode out = answer.putArray("comments");
            String now = java.time.Instant.now().toString();
            for (ObjectNode c : comments) {
                c.put("uid", "raw." + c.get("id").asText());
                c.put("created_at", now);
                out.add(c);
            }
        }
        return Reply.json(answer);
    }

    private Reply predictComments(Request r) throws Exception {
        Dataset dataset = store.dataset(r.var("project"), r.var("dataset"));
        LabelModel model = dataset.models().resolve(r.var("version"), dataset.fullName());
        JsonNode body = r.jsonObject("Invalid request body: expected a JSON object with uids");
        PredictOptions options = PredictOptions.parse(body, dataset.models().taxonomy());
        JsonNode uids = Documents.list(body, "uids");
        List<StoredComment> comments = new ArrayList<>();
        for (JsonNode uid : uids) {
            if (!uid.isTextual() || !uid.asText().matches("[^.]+\\.[^.].*")) {
                throw new ApiError(400, "Invalid request body: uids must be strings source_id.comment_id, got " + uid);
            }
            StoredComment c = store.comment(uid.asText());
            if (c == null) {
                throw new ApiError(404, "Comment '" + uid.asText() + "' does not exist");
            }
            comments.add(c);
        }
        for (StoredComment c : comments) {
            ctx.bill(1, BigDecimal.ONE, EmulatorContext.digest(c.uid().getBytes(StandardCharsets.UTF_8),
                    dataset.fullName().getBytes(StandardCharsets.UTF_8)));
        }
        dataset.bill("predict-comments", comments.size());
        ObjectNode answer = Json.object().put("status", "ok");
        ArrayNode predictions = answer.putArray("predictions");
        for (StoredComment c : comments) {
            Predictor.Prediction p = Predictor.predict(model, options, c.messages());
            ObjectNode n = predictions.addObject();
            n.put("uid", c.uid());
            n.set("labels", p.labels());
            n.set("entities", p.entities());
        }
        answer.set("model", model(model));
        return Reply.json(answer);
    }

    private Reply validation(Request r) {
        Dataset dataset = store.dataset(r.var("project"), r.var("dataset"));
        LabelModel model = dataset.models().resolve(r.var("version"), dataset.fullName());
        ObjectNode answer = Json.object().put("status", "ok");
        answer.set("validation", dataset.models().validation(model));
        return Reply.json(answer);
    }

    private ObjectNode answer(LabelModel model, PredictOptions options, List<JsonNode> messages) {
        ObjectNode answer = Json.object().put("status", "ok");
        ArrayNode predictions = answer.putArray("predictions");
        ArrayNode entities = answer.putArray("entities");
        ArrayNode properties = answer.putArray("label_properties");
        for (JsonNode m : messages) {
            Predictor.Prediction p = Predictor.predict(model, options, m);
            predictions.add(p.labels());
            entities.add(p.entities());
            properties.add(p.labelProperties());
        }
        answer.set("model", model(model));
        return answer;
    }

    static ObjectNode model(LabelModel model) {
        return Json.object().put("version", model.version()).put("time", model.trainedAt().toString());
    }

    /** One AI unit per document, each recorded with a digest of the document (same document twice: billed twice). */
    private void bill(Dataset dataset, String path, JsonNode documents) {
        for (JsonNode d : documents) {
            ctx.bill(1, BigDecimal.ONE, EmulatorContext.digest(Json.bytes(d),
                    dataset.fullName().getBytes(StandardCharsets.UTF_8)));
        }
        dataset.bill(path, documents.size());
    }
}
