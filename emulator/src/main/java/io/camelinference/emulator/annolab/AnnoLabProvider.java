package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
import io.camelinference.emulator.spi.RouteHandler;

/**
 * The AnnoLab v1 API under its real paths (clients use the emulator's root as the base URL; paths start with
 * {@code /v1}). Projects, sources (text, and PDFs through a signed upload URL served by the emulator), batch inference
 * jobs that write annotations into an output layer, and project exports as zip files.
 * <p>
 * Models: {@value EntityAnnotator#NAME} (id {@value EntityAnnotator#ID}: dates, amounts, e-mail addresses,
 * organisations) and {@value DocumentClassifier#NAME} (id {@value DocumentClassifier#ID}). The API key belongs to the
 * group {@value #DEMO_GROUP}, which holds the project {@value #DEMO_PROJECT} from the start.
 */
public final class AnnoLabProvider implements EmulatorProvider {

    public static final String NAME = "annolab";
    public static final String DEMO_GROUP = "demo";
    public static final String DEMO_PROJECT = "contracts";
    public static final String DEFAULT_DIRECTORY = "Default";
    /** Inference job states after {@code Queued}, which is reported for the first third of a job's run. */
    public static final JobStates INFERENCE_STATES = new JobStates("Running", "Finished", "Errored");
    public static final String QUEUED = "Queued";
    /** Export job states after {@code initialized}, which is reported for the first third of an export's run. */
    public static final JobStates EXPORT_STATES = new JobStates("started", "finished", "errored");
    public static final String INITIALIZED = "initialized";
    static final BigDecimal COST_PER_SOURCE = new BigDecimal("0.01");
    static final String UPLOAD_PATH = "/_emulator/annolab/upload/";
    static final String DOWNLOAD_PATH = "/_emulator/annolab/download/";

    private final Map<String, AnnoLabModel> models = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Long> groups = new ConcurrentHashMap<>();
    private final Map<Long, Project> projects = new ConcurrentHashMap<>();
    private final Map<Long, Source> sources = new ConcurrentHashMap<>();
    private final Map<Long, List<Annotation>> annotations = new ConcurrentHashMap<>();
    private final Map<String, PdfSlot> uploadsByToken = new ConcurrentHashMap<>();
    private final Map<Long, InferenceRun> inferences = new ConcurrentHashMap<>();
    private final Map<Long, ExportRun> exports = new ConcurrentHashMap<>();
    private final Map<String, Path> downloads = new ConcurrentHashMap<>();

    private EmulatorContext ctx;

    public AnnoLabProvider() {
        for (AnnoLabModel m : new AnnoLabModel[] {new EntityAnnotator(), new DocumentClassifier()}) {
            models.put(m.name(), m);
        }
        createDemoData();
    }

    // ------------------------------------------------------------------------------------------------ state

    static final class Project {
        final long id;
        final String name;
        final String group;
        final long groupId;
        final boolean isPublic;
        final Map<String, Directory> directories = new ConcurrentHashMap<>();
        final Map<String, Layer> layers = new ConcurrentHashMap<>();

        Project(long id, String name, String group, long groupId, boolean isPublic) {
            this.id = id;
            this.name = name;
            this.group = group;
            this.groupId = groupId;
            this.isPublic = isPublic;
        }
    }

    record Directory(long id, String name) {
    }

    record Layer(long id, String name) {
    }

    record Source(long id, Project project, Directory directory, String name, String type, String text,
                  Instant createdAt) {
    }

    record Annotation(long id, long sourceId, Layer layer, Span span, String createdBy) {
    }

    /** A PDF announced by init-pdf; {@code file} exists once the signed URL received the upload. */
    record PdfSlot(String token, String signature, Project project, Directory directory, String name, Path file,
                   AtomicBoolean uploaded) {
    }

    record InferenceRun(long id, Project project, List<Long> sourceIds, Layer layer, AnnoLabModel model,
                        Map<Long, List<Span>> results, AtomicBoolean committed) {
    }

    static final class ExportRun {
        final long id;
        final Project project;
        final Set<Long> sourceIds;
        final Set<String> layerNames;
        final boolean includeSources;
        final boolean includeAnnotationTypes;
        volatile String downloadToken;

        ExportRun(long id, Project project, Set<Long> sourceIds, Set<String> layerNames, boolean includeSources,
                  boolean includeAnnotationTypes) {
            this.id = id;
            this.project = project;
            this.sourceIds = sourceIds;
            this.layerNames = layerNames;
            this.includeSources = includeSources;
            this.includeAnnotationTypes = includeAnnotationTypes;
        }
    }

    /** An error answer with AnnoLab's {@code {message}} envelope. */
    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void createDemoData() {
        groups.put(DEMO_GROUP, 1L);
        createProject(DEMO_PROJECT, DEMO_GROUP, false);
    }

    private Project createProject(String name, String group, boolean isPublic) {
        Project p = new Project(ids.incrementAndGet(), name, group, groups.get(group), isPublic);
        p.directories.put(DEFAULT_DIRECTORY, new Directory(ids.incrementAndGet(), DEFAULT_DIRECTORY));
        projects.put(p.id, p);
        return p;
    }

    // ------------------------------------------------------------------------------------------------ SPI

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ObjectNode errorBody(int status, String message) {
        ObjectNode n = Json.object();
        n.put("message", message);
        return n;
    }

    @Override
    public void register(EmulatorContext context) {
        this.ctx = context;
        api("GET", "/v1/api-key/info", this::apiKeyInfo);
        api("POST", "/v1/project/create", this::createProject);
        api("GET", "/v1/project/{group}/{name}", r -> Reply.json(render(project(r.var("name"), r.var("group")))));
        api("GET", "/v1/project/{id}", r -> Reply.json(render(projectById(r.var("id")))));
        api("POST", "/v1/source/create-text", this::createText);
        api("POST", "/v1/source/init-pdf", this::initPdf);
        signed("PUT", UPLOAD_PATH + "{token}", this::upload);
        api("POST", "/v1/source/create-pdf", this::createPdf);
        api("GET", "/v1/source/{id}", r -> Reply.json(render(source(r.var("id")), true)));
        api("DELETE", "/v1/source/{id}", this::deleteSource);
        api("POST", "/v1/infer/batch", this::infer);
        api("GET", "/v1/infer/batch/{jobId}", this::inferenceStatus);
        api("POST", "/v1/export/project", this::export);
        api("GET", "/v1/export/status/{exportId}", this::exportStatus);
        signed("GET", DOWNLOAD_PATH + "{token}", this::download);
    }

    @Override
    public synchronized void reset() {
        groups.clear();
        projects.clear();
        sources.clear();
        annotations.clear();
        uploadsByToken.clear();
        inferences.clear();
        exports.clear();
        downloads.clear();
        if (ctx != null) {
            deleteTree(dir());
        }
        createDemoData();
    }

    /** The model names served. */
    public Set<String> modelNames() {
        return models.keySet();
    }

    // ------------------------------------------------------------------------------------------------ routing

    /** An API route: the Api-Key is checked first, errors become {@code {message}} answers. */
    private void api(String method, String template, RouteHandler handler) {
        ctx.route(method, template, r -> {
            try {
                authorize(r);
                return handler.handle(r);
            } catch (ApiError e) {
                return error(e.status, e.getMessage());
            }
        });
    }

    /**
     * A signed-URL route (uploads, downloads): no Api-Key; like S3, it refuses a request that carries a second
     * authorisation in an {@code Authorization} header.
     */
    private void signed(String method, String template, RouteHandler handler) {
        ctx.route(method, template, r -> {
            if (r.header("Authorization") != null) {
                return error(400, "Only one auth mechanism allowed: the signed URL carries its own authorisation,"
                        + " do not send an Authorization header");
            }
            try {
                return handler.handle(r);
            } catch (ApiError e) {
                return error(e.status, e.getMessage());
            }
        });
    }

    private void authorize(Request r) {
        String header = r.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiError(401, "Authentication credentials were not provided: send Authorization: Api-Key <key>");
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Api-Key")) {
            throw new ApiError(401, "Unsupported authorization scheme: send Authorization: Api-Key <key>");
        }
        if (!parts[1].strip().equals(ctx.apiKey())) {
            throw new ApiError(401, "Invalid API key");
        }
    }

    // ------------------------------------------------------------------------------------------------ projects

    private Reply apiKeyInfo(Request r) {
        ObjectNode n = Json.object();
        ArrayNode gs = n.putArray("groups");
        new TreeSet<>(groups.keySet()).forEach(g -> {
            ObjectNode group = gs.addObject();
            group.put("groupName", g);
            group.put("groupId", groups.get(g));
            group.put("isSingleUser", false);
            ArrayNode permissions = group.putArray("permissions");
            permissions.add("Read").add("Write").add("Model Run");
        });
        return Reply.json(n);
    }

    private Reply createProject(Request r) throws IOException {
        JsonNode body = json(r);
        String name = required(body, "name");
        String group = required(body, "groupName");
        requireGroup(group);
        synchronized (this) {
            for (Project p : projects.values()) {
                if (p.group.equals(group) && p.name.equals(name)) {
                    throw new ApiError(409, "A project named '" + name + "' already exists in group '" + group + "'");
                }
            }
            return Reply.json(render(createProject(name, group, body.path("isPublic").asBoolean(false))));
        }
    }

    private void requireGroup(String group) {
        if (!groups.containsKey(group)) {
            throw new ApiError(404, "Group '" + group + "' not found or not accessible with this API key");
        }
    }

    /** A project by id or by name within the group. */
    private Project project(String identifier, String group) {
        requireGroup(group);
        if (isNumber(identifier)) {
            Project p = projects.get(Long.parseLong(identifier));
            if (p != null && p.group.equals(group)) {
                return p;
            }
        }
        for (Project p : projects.values()) {
            if (p.group.equals(group) && p.name.equals(identifier)) {
                return p;
            }
        }
        throw new ApiError(404, "Project '" + identifier + "' not found in group '" + group + "'");
    }

    private Project projectById(String id) {
        Project p = isNumber(id) ? projects.get(Long.parseLong(id)) : null;
        if (p == null) {
            throw new ApiError(404, "Project " + id + " not found");
        }
        return p;
    }

    private Project project(JsonNode body) {
        return project(identifier(body, "projectIdentifier", true), required(body, "groupName"));
    }

    /** The named or numbered directory; a new name creates the directory, the default is used when none is given. */
    private Directory directory(Project p, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return p.directories.get(DEFAULT_DIRECTORY);
        }
        if (isNumber(identifier)) {
            for (Directory d : p.directories.values()) {
                if (d.id() == Long.parseLong(identifier)) {
                    return d;
                }
            }
            throw new ApiError(404, "Directory " + identifier + " not found in project '" + p.name + "'");
        }
        return p.directories.computeIfAbsent(identifier, n -> new Directory(ids.incrementAndGet(), n));
    }

    private static ObjectNode render(Project p) {
        ObjectNode n = Json.object();
        n.put("id", p.id);
        n.put("name", p.name);
        n.put("groupName", p.group);
        n.put("groupId", p.groupId);
        n.put("isPublic", p.isPublic);
        n.put("defaultDirectory", DEFAULT_DIRECTORY);
        return n;
    }

    // ------------------------------------------------------------------------------------------------ sources

    private Reply createText(Request r) throws IOException {
        JsonNode body = json(r);
        Project p = project(body);
        String name = required(body, "sourceName");
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual() || text.asText().isEmpty()) {
            throw new ApiError(400, "'text' is required and must not be empty");
        }
        Directory d = directory(p, identifier(body, "directoryIdentifier", false));
        return Reply.json(render(addSource(p, d, name, "text", text.asText()), false));
    }

    private Source addSource(Project p, Directory d, String name, String type, String text) {
        synchronized (p) {
            for (Source s : sources.values()) {
                if (s.project() == p && s.directory().equals(d) && s.name().equals(name)) {
                    throw new ApiError(409, "A source named '" + name + "' already exists in directory '" + d.name()
                            + "' of project '" + p.name + "'");
                }
            }
            Source s = new Source(ids.incrementAndGet(), p, d, name, type, text, Instant.now());
            sources.put(s.id(), s);
            return s;
        }
    }

    private Reply initPdf(Request r) throws IOException {
        JsonNode body = json(r);
        Project p = project(body);
        Directory d = directory(p, identifier(body, "directoryIdentifier", false));
        String name = required(body, "sourceName");
        String token = UUID.randomUUID().toString().replace("-", "");
        String signature = UUID.randomUUID().toString().replace("-", "");
        uploadsByToken.put(token, new PdfSlot(token, signature, p, d, name,
                dir().resolve("uploads").resolve(token), new AtomicBoolean()));
        ObjectNode n = Json.object();
        n.put("uploadUrl", ctx.baseUrl() + UPLOAD_PATH + token + "?X-Amz-Expires=3600&X-Amz-Signature=" + signature);
        return Reply.json(n);
    }

    /** The signed upload URL: the body is streamed to disk, never held in memory. */
    private Reply upload(Request r) throws IOException {
        PdfSlot slot = uploadsByToken.get(r.var("token"));
        if (slot == null || !slot.signature().equals(r.query("X-Amz-Signature"))) {
            return error(403, "The upload URL is unknown, expired or its signature does not match");
        }
        Files.createDirectories(slot.file().getParent());
        try (InputStream in = r.body()) {
            Files.copy(in, slot.file(), StandardCopyOption.REPLACE_EXISTING);
        }
        slot.uploaded().set(true);
        return Reply.empty(200);
    }

    private Reply createPdf(Request r) throws IOException {
        JsonNode body = json(r);
        Project p = project(body);
        Directory d = directory(p, identifier(body, "directoryIdentifier", false));
        String name = identifier(body, "sourceIdentifier", true);
        PdfSlot slot = null;
        for (PdfSlot s : uploadsByToken.values()) {
            if (s.project() == p && s.directory().equals(d) && s.name().equals(name) && s.uploaded().get()) {
                slot = s;
            }
        }
        if (slot == null) {
            throw new ApiError(404, "No uploaded PDF named '" + name + "' in directory '" + d.name() + "': call"
                    + " /v1/source/init-pdf and PUT the file to its uploadUrl first");
        }
        String text;
        try {
            text = PdfText.extract(slot.file());
        } catch (IOException e) {
            throw new ApiError(400, "The uploaded file '" + name + "' is not a readable PDF: " + e.getMessage());
        }
        Source s = addSource(p, d, name, "pdf", text);
        uploadsByToken.remove(slot.token());
        Files.deleteIfExists(slot.file());
        return Reply.json(render(s, false));
    }

    private Source source(String id) {
        Source s = isNumber(id) ? sources.get(Long.parseLong(id)) : null;
        if (s == null) {
            throw new ApiError(404, "Source " + id + " not found");
        }
        return s;
    }

    private Reply deleteSource(Request r) {
        Source s = source(r.var("id"));
        sources.remove(s.id());
        annotations.remove(s.id());
        ObjectNode n = Json.object();
        n.put("message", "Source " + s.id() + " deleted");
        return Reply.json(n);
    }

    private ObjectNode render(Source s, boolean withText) {
        ObjectNode n = Json.object();
        n.put("id", s.id());
        n.put("projectName", s.project().name);
        n.put("projectId", s.project().id);
        n.put("directoryName", s.directory().name());
        n.put("directoryId", s.directory().id());
        n.put("name", s.name());
        n.put("sourceName", s.name());
        n.put("type", s.type());
        if (withText) {
            n.put("text", s.text());
        }
        n.putNull("url");
        n.put("createdAt", s.createdAt().toString());
        n.putArray("tags");
        return n;
    }

    // ------------------------------------------------------------------------------------------------ inference

    private Reply infer(Request r) throws IOException {
        JsonNode body = json(r);
        Project p = project(body);
        AnnoLabModel model = model(identifier(body, "modelIdentifier", true));
        JsonNode ids = body.get("sourceIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new ApiError(400, "'sourceIds' is required: an array of source ids");
        }
        List<Long> sourceIds = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!(id.isIntegralNumber() || (id.isTextual() && isNumber(id.asText())))) {
                throw new ApiError(400, "'sourceIds' must hold integer ids, got " + id);
            }
            Source s = sources.get(id.asLong());
            if (s == null || s.project() != p) {
                throw new ApiError(404, "Source " + id.asText() + " not found in project '" + p.name + "'");
            }
            sourceIds.add(s.id());
        }
        Layer layer = layer(p, body.get("outputLayerIdentifier"));

        Map<Long, List<Span>> results = new LinkedHashMap<>();
        String failure = null;
        for (Long id : sourceIds) {
            Source s = sources.get(id);
            try {
                results.put(id, model.annotate(s.text()));
            } catch (IllegalArgumentException e) {
                failure = (failure == null ? "" : failure + "; ") + "source " + id + " ('" + s.name() + "'): "
                        + e.getMessage();
            }
        }
        ctx.bill(sourceIds.size(), COST_PER_SOURCE.multiply(BigDecimal.valueOf(sourceIds.size())));
        long jobId = this.ids.incrementAndGet();
        InferenceRun run = new InferenceRun(jobId, p, List.copyOf(sourceIds), layer, model, results,
                new AtomicBoolean());
        inferences.put(jobId, run);
        Job job = ctx.jobs().create(NAME, "infer-" + jobId, ctx.slowModelMillis(), INFERENCE_STATES, r.jobFault(),
                failure, run);
        ctx.jobs().whenFinished(job, () -> commit(job));

        ObjectNode n = Json.object();
        n.put("inferenceJobId", jobId);
        n.put("status", QUEUED);
        n.put("projectName", p.name);
        n.put("projectId", p.id);
        n.put("outputLayerName", layer.name());
        n.put("outputLayerId", layer.id());
        ArrayNode list = n.putArray("sourceIds");
        sourceIds.forEach(list::add);
        return Reply.json(n);
    }

    private AnnoLabModel model(String identifier) {
        for (AnnoLabModel m : models.values()) {
            if (m.name().equalsIgnoreCase(identifier) || String.valueOf(m.id()).equals(identifier)) {
                return m;
            }
        }
        throw new ApiError(404, "Model '" + identifier + "' not found. Available models: " + models.keySet());
    }

    /** The layer by id, or by name (a new name creates the layer). */
    private Layer layer(Project p, JsonNode identifier) {
        if (identifier == null || identifier.isNull() || identifier.asText().isBlank()) {
            throw new ApiError(400, "'outputLayerIdentifier' is required: the id or name of the output layer");
        }
        String value = identifier.asText().strip();
        if (identifier.isIntegralNumber() || isNumber(value)) {
            for (Layer l : p.layers.values()) {
                if (l.id() == Long.parseLong(value)) {
                    return l;
                }
            }
            if (identifier.isIntegralNumber()) {
                throw new ApiError(404, "Layer " + value + " not found in project '" + p.name + "'");
            }
        }
        return p.layers.computeIfAbsent(value, n -> new Layer(ids.incrementAndGet(), n));
    }

    private Reply inferenceStatus(Request r) {
        String id = r.var("jobId");
        Job job = isNumber(id) ? ctx.jobs().get(NAME, "infer-" + id) : null;
        if (job == null) {
            throw new ApiError(404, "Inference job " + id + " not found");
        }
        InferenceRun run = job.payload();
        String state = job.state();
        if (INFERENCE_STATES.completed().equals(state)) {
            commit(job);
        } else if (INFERENCE_STATES.processing().equals(state) && inFirstThird(job)) {
            state = QUEUED;
        }
        ObjectNode n = Json.object();
        n.put("inferenceJobId", run.id());
        n.put("status", state);
        n.put("projectId", run.project().id);
        ArrayNode list = n.putArray("sourceIds");
        run.sourceIds().forEach(list::add);
        if (job.isFailed()) {
            n.put("message", job.failure());
        }
        return Reply.json(n);
    }

    /** Writes a finished job's annotations into its output layer, once. */
    private void commit(Job job) {
        InferenceRun run = job.payload();
        if (!job.isFinished() || job.isFailed() || !run.committed().compareAndSet(false, true)) {
            return;
        }
        for (Map.Entry<Long, List<Span>> result : run.results().entrySet()) {
            if (!sources.containsKey(result.getKey())) {
                continue;
            }
            List<Annotation> list = annotations.computeIfAbsent(result.getKey(), k -> new CopyOnWriteArrayList<>());
            for (Span span : result.getValue()) {
                list.add(new Annotation(ids.incrementAndGet(), result.getKey(), run.layer(), span,
                        "model:" + run.model().name()));
            }
        }
    }

    private static boolean inFirstThird(Job job) {
        long elapsed = Duration.between(job.createdAt(), Instant.now()).toMillis();
        return elapsed < Math.max(1, job.durationMillis() / 3);
    }

    // ------------------------------------------------------------------------------------------------ export

    private Reply export(Request r) throws IOException {
        JsonNode body = json(r);
        Project p = project(body);
        Set<Long> sourceIds = null;
        JsonNode ids = body.get("sourceIds");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) {
                throw new ApiError(400, "'sourceIds' must be an array of source ids");
            }
            sourceIds = new LinkedHashSet<>();
            for (JsonNode id : ids) {
                sourceIds.add(id.asLong());
            }
        }
        Set<String> layerNames = null;
        JsonNode layers = body.get("annotationLayerNames");
        if (layers != null && !layers.isNull()) {
            if (!layers.isArray()) {
                throw new ApiError(400, "'annotationLayerNames' must be an array of layer names");
            }
            layerNames = new LinkedHashSet<>();
            for (JsonNode l : layers) {
                layerNames.add(l.asText());
            }
        }
        long exportId = this.ids.incrementAndGet();
        ExportRun run = new ExportRun(exportId, p, sourceIds, layerNames, body.path("includeSources").asBoolean(true),
                body.path("includeAnnotationTypes").asBoolean(true));
        exports.put(exportId, run);
        ctx.jobs().create(NAME, "export-" + exportId, Math.max(1, ctx.slowModelMillis() / 2), EXPORT_STATES,
                r.jobFault(), null, run);

        ObjectNode n = Json.object();
        n.put("message", "Export started");
        n.put("exportStatusUrl", ctx.baseUrl() + "/v1/export/status/" + exportId);
        ObjectNode job = n.putObject("exportJob");
        job.put("id", exportId);
        job.put("status", INITIALIZED);
        job.put("projectId", p.id);
        return Reply.json(201, n);
    }

    private Reply exportStatus(Request r) throws IOException {
        String id = r.var("exportId");
        Job job = isNumber(id) ? ctx.jobs().get(NAME, "export-" + id) : null;
        if (job == null) {
            throw new ApiError(404, "Export " + id + " not found");
        }
        ExportRun run = job.payload();
        String state = job.state();
        ObjectNode n = Json.object();
        n.put("id", run.id);
        if (EXPORT_STATES.processing().equals(state) && inFirstThird(job)) {
            state = INITIALIZED;
        }
        n.put("status", state);
        if (EXPORT_STATES.completed().equals(state)) {
            n.put("downloadUrl", ctx.baseUrl() + DOWNLOAD_PATH + archive(run));
        } else {
            n.putNull("downloadUrl");
        }
        if (job.isFailed()) {
            n.put("error", job.failure());
        }
        return Reply.json(n);
    }

    /** Builds the export's zip on first demand (the snapshot is taken when the export finished). */
    private synchronized String archive(ExportRun run) throws IOException {
        if (run.downloadToken != null) {
            return run.downloadToken;
        }
        for (InferenceRun inference : inferences.values()) {
            Job j = ctx.jobs().get(NAME, "infer-" + inference.id());
            if (j != null && inference.project() == run.project) {
                commit(j);
            }
        }
        Path zip = dir().resolve("exports").resolve(run.id + ".zip");
        Files.createDirectories(zip.getParent());
        List<Source> selected = sources.values().stream()
                .filter(s -> s.project() == run.project)
                .filter(s -> run.sourceIds == null || run.sourceIds.contains(s.id()))
                .sorted(Comparator.comparingLong(Source::id)).toList();
        Set<String> types = new TreeSet<>();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            ObjectNode manifest = Json.object();
            manifest.put("projectName", run.project.name);
            manifest.put("projectId", run.project.id);
            manifest.put("groupName", run.project.group);
            manifest.put("exportedAt", Instant.now().toString());
            ArrayNode ids = manifest.putArray("sourceIds");
            selected.forEach(s -> ids.add(s.id()));
            ArrayNode layers = manifest.putArray("annotationLayerNames");
            if (run.layerNames != null) {
                run.layerNames.forEach(layers::add);
            }
            entry(z, "export.json", Json.bytes(manifest));
            for (Source s : selected) {
                if (run.includeSources) {
                    entry(z, "sources/" + s.id() + "/" + safe(s.name()) + (s.name().endsWith(".txt") ? "" : ".txt"),
                            s.text().getBytes(StandardCharsets.UTF_8));
                }
                ObjectNode doc = Json.object();
                doc.put("sourceId", s.id());
                doc.put("sourceName", s.name());
                doc.put("directoryName", s.directory().name());
                doc.put("type", s.type());
                ArrayNode list = doc.putArray("annotations");
                for (Annotation a : annotations.getOrDefault(s.id(), List.of())) {
                    if (run.layerNames != null && !run.layerNames.contains(a.layer().name())) {
                        continue;
                    }
                    types.add(a.span().type());
                    list.add(render(a, s));
                }
                entry(z, "annotations/" + s.id() + ".json", Json.bytes(doc));
            }
            if (run.includeAnnotationTypes) {
                ArrayNode typeList = Json.array();
                types.forEach(t -> typeList.addObject().put("name", t));
                entry(z, "annotation-types.json", Json.bytes(typeList));
            }
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        downloads.put(token, zip);
        run.downloadToken = token;
        return token;
    }

    private static ObjectNode render(Annotation a, Source s) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("annotationType", a.span().type());
        n.put("value", a.span().value());
        n.putArray("offsets").add(a.span().start()).add(a.span().end());
        if (a.span().pageNumber() != null) {
            n.put("pageNumber", a.span().pageNumber());
            n.put("endPageNumber", a.span().endPageNumber());
        }
        n.put("layerName", a.layer().name());
        n.put("layerId", a.layer().id());
        n.put("sourceId", s.id());
        n.put("sourceName", s.name());
        n.put("createdBy", a.createdBy());
        return n;
    }

    private Reply download(Request r) {
        Path zip = downloads.get(r.var("token"));
        if (zip == null || !Files.exists(zip)) {
            return error(404, "The download URL is unknown or expired");
        }
        return Reply.file("application/zip", zip);
    }

    private static void entry(ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Reply error(int status, String message) {
        return Reply.json(status, errorBody(status, message));
    }

    private static JsonNode json(Request r) throws IOException {
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        if (!body.isObject()) {
            throw new ApiError(400, "The request body must be a JSON object");
        }
        return body;
    }

    private static String required(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new ApiError(400, "'" + field + "' is required");
        }
        return v.asText();
    }

    /** A string-or-integer identifier field. */
    private static String identifier(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new ApiError(400, "'" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw new ApiError(400, "'" + field + "' must be a name or an integer id");
        }
        return v.asText();
    }

    private static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._ -]", "_").replaceAll("^\\.+", "_");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private Path dir() {
        return ctx.tempDir().resolve(NAME);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file still being written; removed at close
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
