package io.camelinference.emulator.deepomatic;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.Job;
import io.camelinference.emulator.spi.JobStates;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * The Deepomatic v0.7 API under its real paths (clients use {@code <emulator>/v0.7} as the base URL), with and without
 * trailing slashes: recognition specifications (public and private), inference answering a task id, and tasks.
 * <p>
 * Public specifications are backed by real image models: {@code dominant-color-v1} (an exclusive classifier of the
 * colour covering most of the image) and {@code color-blobs-v1} (a detector of coloured regions with relative boxes).
 * A private specification runs the classifier (roi {@code NONE}) or the detector (roi {@code BBOX}) for its labels
 * whose names are colours, once its {@code current_version_id} is set. Every inference is a billed task that stays
 * {@code pending} for the emulator's slow-model time, then ends in {@code success} (or {@code error} under a
 * {@code job} fault).
 */
public final class DeepomaticProvider implements EmulatorProvider {

    public static final String NAME = "deepomatic";
    public static final String PREFIX = "/v0.7";
    public static final JobStates STATES = new JobStates("pending", "success", "error");
    public static final String IMAGES = "/_emulator/deepomatic/images";
    static final String NO_CREDENTIALS = "Authentication credentials not provided.";
    static final String BAD_CREDENTIALS = "Incorrect authentication credentials.";
    static final BigDecimal COST_PER_IMAGE = new BigDecimal("0.001");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Map<String, Spec> publicSpecs = new LinkedHashMap<>();
    private final Map<Integer, Spec> privateSpecs = new ConcurrentSkipListMap<>();
    /** Task ids in creation order, for the unfiltered task list. */
    private final Map<Long, Boolean> taskIds = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextSpecId = new AtomicInteger(1);
    private final AtomicLong nextTaskId = new AtomicLong(1000);

    private EmulatorContext ctx;

    /** A recognition specification; public ones have a string id and a fixed model. */
    private static final class Spec {
        final Object id;
        volatile String name;
        final String description;
        volatile JsonNode metadata;
        final ArrayNode outputs;
        volatile Integer currentVersionId;
        volatile Instant updated = Instant.now();

        Spec(Object id, String name, String description, JsonNode metadata, ArrayNode outputs, Integer version) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.metadata = metadata;
            this.outputs = outputs;
            this.currentVersionId = version;
        }
    }

    /** An image input after validation: its bytes and optional crop box. */
    private record Input(byte[] image, double[] bbox) {
    }

    /** The options of one inference call. */
    private record Options(boolean showDiscarded, Integer maxPredictions) {
    }

    public DeepomaticProvider() {
        publicSpecs.put("dominant-color-v1", new Spec("dominant-color-v1", "Dominant colour",
                "Exclusive classifier: the colour that covers most of the image.", Json.object(),
                outputs(new DominantColorModel()), 1));
        publicSpecs.put("color-blobs-v1", new Spec("color-blobs-v1", "Colour blobs",
                "Detector: solid regions of red, yellow, green, blue or purple, with boxes.", Json.object(),
                outputs(new ColorBlobDetector()), 2));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Ids of the public specifications. */
    public Set<String> publicSpecIds() {
        return publicSpecs.keySet();
    }

    /** DRF-style: {@code detail} for authentication, permission and not-found errors, {@code error} for the rest. */
    @Override
    public ObjectNode errorBody(int status, String message) {
        ObjectNode n = Json.object();
        n.put(status == 401 || status == 403 || status == 404 || status == 405 || status == 415 ? "detail" : "error",
                message);
        return n;
    }

    @Override
    public void register(EmulatorContext context) {
        this.ctx = context;
        context.route("GET", PREFIX + "/recognition/public", r -> listSpecs(r, true));
        context.route("GET", PREFIX + "/recognition/public/{specId}", r -> getSpec(r, true));
        context.route("POST", PREFIX + "/recognition/public/{specId}/inference", r -> inference(r, true));
        context.route("GET", PREFIX + "/recognition/specs", r -> listSpecs(r, false));
        context.route("POST", PREFIX + "/recognition/specs", this::createSpec);
        context.route("GET", PREFIX + "/recognition/specs/{specId}", r -> getSpec(r, false));
        context.route("PATCH", PREFIX + "/recognition/specs/{specId}", this::updateSpec);
        context.route("DELETE", PREFIX + "/recognition/specs/{specId}", this::deleteSpec);
        context.route("POST", PREFIX + "/recognition/specs/{specId}/inference", r -> inference(r, false));
        context.route("GET", PREFIX + "/tasks", this::listTasks);
        context.route("GET", PREFIX + "/tasks/{taskId}", this::getTask);
        context.route("GET", IMAGES, r -> imageList());
        context.route("GET", IMAGES + "/{name}", this::image);
    }

    @Override
    public void reset() {
        privateSpecs.clear();
        taskIds.clear();
        nextSpecId.set(1);
    }

    // ------------------------------------------------------------------------------------------------ specs

    private Reply listSpecs(Request r, boolean isPublic) {
        Reply denied = authenticate(r);
        if (denied != null) {
            return denied;
        }
        ArrayNode all = Json.array();
        for (Spec s : isPublic ? publicSpecs.values() : privateSpecs.values()) {
            all.add(render(s, false));
        }
        return page(r, all, PREFIX + (isPublic ? "/recognition/public" : "/recognition/specs"), List.of());
    }

    private Reply getSpec(Request r, boolean isPublic) {
        Reply denied = authenticate(r);
        if (denied != null) {
            return denied;
        }
        Spec spec = find(r.var("specId"), isPublic);
        return spec == null ? notFound(r.var("specId"), isPublic) : Reply.json(render(spec, true));
    }

    private Reply createSpec(Request r) throws Exception {
        Reply denied = authenticate(r);
        if (denied != null) {
            return denied;
        }
        Reply unsupported = requireJson(r, false);
        if (unsupported != null) {
            return unsupported;
        }
        JsonNode body = r.json();
        String name = text(body, "name");
        if (name == null || name.isBlank()) {
            return error(400, "name: This field is required.");
        }
        JsonNode outputs = body.get("outputs");
        String invalid = validateOutputs(outputs);
        if (invalid != null) {
            return error(400, invalid);
        }
        JsonNode metadata = body.has("metadata") && body.get("metadata").isObject() ? body.get("metadata") : Json.object();
        int id = nextSpecId.getAndIncrement();
        Spec spec = new Spec(id, name, text(body, "description") == null ? "" : text(body, "description"), metadata,
                (ArrayNode) outputs, null);
        privateSpecs.put(id, spec);
        return Reply.json(201, render(spec, true));
    }

    private static String validateOutputs(JsonNode outputs) {
        if (outputs == null || !outputs.isArray() || outputs.isEmpty()) {
            return "outputs: This field is required: a list of {\"labels\": {\"roi\": \"NONE\"|\"BBOX\", \"exclusive\":"
                    + " true|false, \"labels\": [{\"id\": 0, \"name\": \"...\"}]}}.";
        }
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode labels = outputs.get(i).path("labels");
            String roi = labels.path("roi").asText("NONE");
            if (!roi.equals("NONE") && !roi.equals("BBOX")) {
                return "outputs[" + i + "].labels.roi: \"" + roi + "\" is not a valid choice (NONE or BBOX).";
            }
            if (!labels.path("labels").isArray() || labels.path("labels").isEmpty()) {
                return "outputs[" + i + "].labels.labels: a non-empty list of {\"id\", \"name\"} is required.";
            }
            for (JsonNode label : labels.path("labels")) {
                if (!label.path("id").isIntegralNumber() || !label.path("name").isTextual()) {
                    return "outputs[" + i + "].labels.labels: every label needs an integer id and a name.";
                }
            }
        }
        return null;
    }

    private Reply updateSpec(Request r) throws Exception {
        Reply denied = authenticate(r);
        if (denied != null) {
            return denied;
        }
        Spec spec = find(r.var("specId"), false);
        if (spec == null) {
            return notFound(r.var("specId"), false);
        }
        Reply unsupported = requireJson(r, false);
        if (unsupported != null) {
            return unsupported;
        }
        JsonNode body = r.json();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("name", "metadata", "current_version_id").contains(field)) {
                return error(400, field + ": This field cannot be updated; only name, metadata and"
                        + " current_version_id can.");
            }
        }
        if (body.has("name")) {
            String name = text(body, "name");
            if (name == null || name.isBlank()) {
                return error(400, "name: This field may not be blank.");
            }
            spec.name = name;
        }
        if (body.has("metadata")) {
            if (!body.get("metadata").isObject()) {
                return error(400, "metadata: Expected a JSON object.");
            }
            spec.metadata = body.get("metadata");
        }
        if (body.has("current_version_id")) {
            JsonNode v = body.get("current_version_id");
            if (!v.isNull() && !v.isIntegralNumber()) {
                return error(400, "current_version_id: A valid integer is required.");
            }
            spec.currentVersionId = v.isNull() ? null : v.asInt();
        }
        spec.updated = Instant.now();
        return Reply.json(render(spec, true));
    }

    private Reply deleteSpec(Request r) {
        Reply denied = authenticate(r);
        if (denied != null) {
            return denied;
        }
        Spec spec = find(r.var("specId"), false);
        if (spec == null) {
            return notFound(r.var("specId"), false);
        }
        privateSpecs.remove((Integer) spec.id);
        return Reply.empty(204);
    }

    // ------------------------------------------------------------------------------------------------ inference

    private Reply inference(Request r, boolean isPublic) throws Exception {
        Reply denied = authenticate(r);
        if (denied != null) {
            return denied;
        }
        Spec spec = find(r.var("specId"), isPublic);
        if (spec == null) {
            return notFound(r.var("specId"), isPublic);
        }
        if (spec.currentVersionId == null) {
            return error(400, "The recognition specification " + spec.id + " has no current version"
                    + " (current_version_id is null): set it with PATCH before running inference.");
        }
        Reply unsupported = requireJson(r, true);
        if (unsupported != null) {
            return unsupported;
        }
        List<Input> inputs;
        Options options;
        try {
            if (isMultipart(r)) {
                List<Multipart.Part> parts = Multipart.parse(r.bodyBytes(), r.header("Content-Type"));
                inputs = multipartInputs(parts);
                options = options(field(parts, "show_discarded"), field(parts, "max_predictions"));
            } else {
                JsonNode body = r.json();
                inputs = jsonInputs(body);
                options = options(body.get("show_discarded"), body.get("max_predictions"));
            }
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        if (inputs.size() != 1) {
            return error(400, "inputs: recognition specifications take exactly one image input, got "
                    + inputs.size() + ".");
        }
        Raster raster;
        try {
            raster = Raster.decode(inputs.get(0).image(), inputs.get(0).bbox());
        } catch (IllegalArgumentException e) {
            return error(400, "inputs[0].image.source: " + e.getMessage());
        }
        ObjectNode data = Json.object();
        ArrayNode outputs = data.putArray("outputs");
        for (JsonNode output : spec.outputs) {
            outputs.add(runOutput(output.path("labels"), raster, options));
        }
        ctx.bill(1, COST_PER_IMAGE);
        long id = nextTaskId.getAndIncrement();
        taskIds.put(id, Boolean.TRUE);
        ctx.jobs().create(NAME, String.valueOf(id), ctx.slowModelMillis(), STATES, r.jobFault(), null, data);
        ObjectNode answer = Json.object();
        answer.put("task_id", String.valueOf(id));
        return Reply.json(answer);
    }

    /** Runs the model behind one spec output and renders {@code {labels: {predicted, discarded}}}. */
    private static ObjectNode runOutput(JsonNode specLabels, Raster raster, Options options) {
        boolean bbox = "BBOX".equals(specLabels.path("roi").asText("NONE"));
        ImageModel model = bbox ? new ColorBlobDetector() : new DominantColorModel();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (JsonNode label : specLabels.path("labels")) {
            ids.put(label.path("name").asText().toLowerCase(Locale.ROOT), label.path("id").asInt());
        }
        ArrayNode predicted = Json.array();
        ArrayNode discarded = Json.array();
        int region = 0;
        for (Scored s : model.run(raster)) {
            Integer labelId = ids.get(s.label());
            if (labelId == null) {
                continue;
            }
            ObjectNode p = Json.object();
            p.put("label_id", labelId);
            p.put("label_name", originalName(specLabels, labelId));
            p.put("score", s.score());
            p.put("threshold", s.threshold());
            if (bbox) {
                ObjectNode roi = p.putObject("roi");
                roi.put("region_id", ++region);
                ObjectNode box = roi.putObject("bbox");
                box.put("xmin", s.box()[0]);
                box.put("ymin", s.box()[1]);
                box.put("xmax", s.box()[2]);
                box.put("ymax", s.box()[3]);
            }
            ArrayNode target = s.predicted() ? predicted : discarded;
            if (options.maxPredictions() == null || target.size() < options.maxPredictions()) {
                target.add(p);
            }
        }
        ObjectNode out = Json.object();
        ObjectNode labels = out.putObject("labels");
        labels.set("predicted", predicted);
        labels.set("discarded", options.showDiscarded() ? discarded : Json.array());
        return out;
    }

    private static String originalName(JsonNode specLabels, int id) {
        for (JsonNode label : specLabels.path("labels")) {
            if (label.path("id").asInt() == id) {
                return label.path("name").asText();
            }
        }
        return "";
    }

    private List<Input> jsonInputs(JsonNode body) {
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs: This field is required: a list like [{\"image\": {\"source\":"
                    + " \"https://...\"}}].");
        }
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode image = inputs.get(i).get("image");
            if (image == null || !image.isObject() || !image.path("source").isTextual()) {
                throw new IllegalArgumentException("inputs[" + i + "].image.source: This field is required (an http"
                        + " URL or a data:image/*;base64, string).");
            }
            out.add(new Input(source(image.get("source").asText(), i), bbox(image.get("bbox"), i)));
        }
        return out;
    }

    private List<Input> multipartInputs(List<Multipart.Part> parts) {
        Map<Integer, byte[]> sources = new TreeMap<>();
        Map<Integer, ObjectNode> boxes = new TreeMap<>();
        for (Multipart.Part part : parts) {
            if (!part.name().startsWith("inputs[")) {
                continue;
            }
            int close = part.name().indexOf(']');
            int index;
            try {
                index = Integer.parseInt(part.name().substring("inputs[".length(), close));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(part.name() + ": expected a field like inputs[0]image.source");
            }
            String rest = part.name().substring(close + 1);
            if (rest.equals("image.source")) {
                sources.put(index, part.fileName() != null ? part.data() : source(part.text(), index));
            } else if (rest.startsWith("image.bbox.")) {
                ObjectNode box = boxes.computeIfAbsent(index, k -> Json.object());
                try {
                    box.put(rest.substring("image.bbox.".length()), Double.parseDouble(part.text().trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(part.name() + ": a number is required.");
                }
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("inputs[0]image.source: This field is required (a file part, an http"
                    + " URL or a data:image/*;base64, string).");
        }
        List<Input> out = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> s : sources.entrySet()) {
            out.add(new Input(s.getValue(), bbox(boxes.get(s.getKey()), s.getKey())));
        }
        return out;
    }

    /** The image bytes of a textual source: a data URI, or a URL of one of the emulator's own sample images. */
    private byte[] source(String source, int index) {
        String field = "inputs[" + index + "].image.source";
        if (source.startsWith("data:")) {
            int comma = source.indexOf(',');
            if (comma < 0 || !source.substring(0, comma).endsWith(";base64") || !source.startsWith("data:image/")) {
                throw new IllegalArgumentException(field + ": a data URI must start with data:image/*;base64,");
            }
            try {
                return Base64.getMimeDecoder().decode(source.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": the data URI is not valid base64 (" + e.getMessage() + ")");
            }
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            if (!ctx.isLocalUrl(source)) {
                String host;
                try {
                    host = URI.create(source).getHost();
                } catch (IllegalArgumentException e) {
                    host = source;
                }
                throw new IllegalArgumentException(field + ": the emulator does not fetch images from " + host
                        + "; it only fetches its own samples under " + ctx.baseUrl() + IMAGES + "/ "
                        + SampleImages.all().keySet() + ", or send the image itself (multipart or data URI).");
            }
            String path = URI.create(source).getPath();
            String name = path.startsWith(IMAGES + "/") ? path.substring(IMAGES.length() + 1) : null;
            byte[] image = name == null ? null : SampleImages.get(name);
            if (image == null) {
                throw new IllegalArgumentException(field + ": " + source + " is not one of the emulator's sample"
                        + " images " + SampleImages.all().keySet() + " under " + ctx.baseUrl() + IMAGES + "/.");
            }
            return image;
        }
        throw new IllegalArgumentException(field + ": expected an http(s) URL or a data:image/*;base64, string, got \""
                + (source.length() > 40 ? source.substring(0, 40) + "..." : source) + "\".");
    }

    private static double[] bbox(JsonNode box, int index) {
        if (box == null || box.isNull()) {
            return null;
        }
        String field = "inputs[" + index + "].image.bbox";
        double[] v = new double[4];
        String[] names = {"xmin", "ymin", "xmax", "ymax"};
        for (int i = 0; i < 4; i++) {
            JsonNode n = box.get(names[i]);
            if (n == null || !n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
                throw new IllegalArgumentException(field + "." + names[i] + ": a number between 0 and 1 is required"
                        + " (coordinates are relative to the image size).");
            }
            v[i] = n.asDouble();
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw new IllegalArgumentException(field + ": xmin must be below xmax and ymin below ymax.");
        }
        return v;
    }

    private static Options options(JsonNode showDiscarded, JsonNode maxPredictions) {
        boolean show = false;
        if (showDiscarded != null && !showDiscarded.isNull()) {
            String s = showDiscarded.asText().trim().toLowerCase(Locale.ROOT);
            if (!s.equals("true") && !s.equals("false") && !s.equals("1") && !s.equals("0")) {
                throw new IllegalArgumentException("show_discarded: Must be a valid boolean.");
            }
            show = s.equals("true") || s.equals("1");
        }
        Integer max = null;
        if (maxPredictions != null && !maxPredictions.isNull()) {
            try {
                max = Integer.parseInt(maxPredictions.asText().trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1) {
                throw new IllegalArgumentException("max_predictions: A positive integer is required.");
            }
        }
        return new Options(show, max);
    }

    private static JsonNode field(List<Multipart.Part> parts, String name) {
        for (Multipart.Part p : parts) {
            if (p.name().equals(name)) {
                return Json.MAPPER.getNodeFactory().textNode(p.text());
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ tasks

    private Reply getTask(Request r) {
        Reply denied = authenticate(r);
        if (denied != null) {
            return denied;
        }
        Job job = ctx.jobs().get(NAME, r.var("taskId"));
        return job == null ? error(404, "No task " + r.var("taskId") + ".") : Reply.json(render(job));
    }

    private Reply listTasks(Request r) {
        Reply denied = authenticate(r);
        if (denied != null) {
            return denied;
        }
        List<String> requested = new ArrayList<>();
        for (String value : r.queryValues("task_ids")) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    requested.add(id.trim());
                }
            }
        }
        List<String[]> params = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String id : requested) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                return error(400, "task_ids: \"" + id + "\" is not a valid task id (an integer).");
            }
            params.add(new String[] {"task_ids", id});
        }
        if (requested.isEmpty()) {
            ids.addAll(taskIds.keySet());
        }
        ArrayNode all = Json.array();
        for (Long id : ids) {
            Job job = ctx.jobs().get(NAME, String.valueOf(id));
            if (job != null) {
                all.add(render(job));
            }
        }
        return page(r, all, PREFIX + "/tasks/", params);
    }

    private static ObjectNode render(Job job) {
        String state = job.state();
        ObjectNode n = Json.object();
        n.put("id", job.id());
        n.put("status", state);
        if (STATES.error().equals(state)) {
            n.put("error", job.failure());
        } else {
            n.putNull("error");
        }
        n.put("date_created", job.createdAt().toString());
        n.put("date_updated", (job.isFinished() ? job.createdAt().plusMillis(job.durationMillis())
                : job.createdAt()).toString());
        if (STATES.completed().equals(state)) {
            n.set("data", job.<JsonNode>payload());
        } else {
            n.putNull("data");
        }
        n.putNull("subtasks");
        return n;
    }

    // ------------------------------------------------------------------------------------------------ sample images

    private Reply imageList() {
        ArrayNode arr = Json.array();
        for (String name : SampleImages.all().keySet()) {
            arr.add(ctx.baseUrl() + IMAGES + "/" + name);
        }
        return Reply.json(arr);
    }

    private Reply image(Request r) {
        byte[] image = SampleImages.get(r.var("name"));
        if (image == null) {
            return error(404, "No sample image " + r.var("name") + "; there are " + SampleImages.all().keySet() + ".");
        }
        return Reply.bytes(200, "image/png", image);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Spec find(String id, boolean isPublic) {
        if (isPublic) {
            return publicSpecs.get(id);
        }
        try {
            return privateSpecs.get(Integer.parseInt(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Reply notFound(String id, boolean isPublic) {
        return isPublic
                ? error(404, "No public recognition specification '" + id + "'. Public specifications: "
                        + publicSpecs.keySet() + ".")
                : error(404, "No recognition specification " + id + " in your account (private specification ids are"
                        + " integers; public ones are under /recognition/public/).");
    }

    private ObjectNode render(Spec s, boolean withOutputs) {
        ObjectNode n = Json.object();
        if (s.id instanceof Integer i) {
            n.put("id", i);
        } else {
            n.put("id", s.id.toString());
        }
        n.put("name", s.name);
        n.put("description", s.description);
        n.put("update_date", s.updated.toString());
        n.set("metadata", s.metadata);
        if (withOutputs) {
            n.set("outputs", s.outputs);
        }
        if (s.currentVersionId == null) {
            n.putNull("current_version_id");
        } else {
            n.put("current_version_id", s.currentVersionId);
        }
        return n;
    }

    private static ArrayNode outputs(ImageModel model) {
        ArrayNode outputs = Json.array();
        ObjectNode labels = outputs.addObject().putObject("labels");
        labels.put("roi", model.detector() ? "BBOX" : "NONE");
        labels.put("exclusive", !model.detector());
        ArrayNode list = labels.putArray("labels");
        int id = 0;
        for (String label : model.labels()) {
            ObjectNode l = list.addObject();
            l.put("id", id++);
            l.put("name", label);
        }
        return outputs;
    }

    /** DRF limit/offset pagination: {@code {count, next, previous, results}} with absolute next/previous links. */
    private Reply page(Request r, ArrayNode all, String path, List<String[]> params) {
        int limit;
        int offset;
        try {
            limit = r.query("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(r.query("limit"));
            offset = r.query("offset") == null ? 0 : Integer.parseInt(r.query("offset"));
        } catch (NumberFormatException e) {
            return error(400, "offset and limit must be integers.");
        }
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        offset = Math.max(0, offset);
        ObjectNode n = Json.object();
        n.put("count", all.size());
        if (offset + limit < all.size()) {
            n.put("next", link(path, params, limit, offset + limit));
        } else {
            n.putNull("next");
        }
        if (offset > 0) {
            n.put("previous", link(path, params, limit, Math.max(0, offset - limit)));
        } else {
            n.putNull("previous");
        }
        ArrayNode results = n.putArray("results");
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            results.add(all.get(i));
        }
        return Reply.json(n);
    }

    private String link(String path, List<String[]> params, int limit, int offset) {
        StringBuilder s = new StringBuilder(ctx.baseUrl()).append(path).append('?');
        for (String[] p : params) {
            s.append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8)).append('&');
        }
        return s.append("limit=").append(limit).append("&offset=").append(offset).toString();
    }

    private Reply authenticate(Request r) {
        String key = r.header("X-API-KEY");
        if (key == null || key.isBlank()) {
            return error(401, NO_CREDENTIALS);
        }
        if (!key.trim().equals(ctx.apiKey())) {
            return error(401, BAD_CREDENTIALS);
        }
        return null;
    }

    /** Only JSON and multipart bodies are accepted (multipart only where files make sense); anything else is 415. */
    private Reply requireJson(Request r, boolean multipartAllowed) {
        String type = r.header("Content-Type");
        if (type == null || type.isBlank()) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("application/json") || (multipartAllowed && t.startsWith("multipart/form-data"))) {
            return null;
        }
        String media = type.split(";")[0].trim();
        return error(415, "Unsupported media type \"" + media + "\" in request.");
    }

    private static boolean isMultipart(Request r) {
        String type = r.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private Reply error(int status, String message) {
        return Reply.json(status, errorBody(status, message));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
