package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.internal.FileTrees;
import io.camelinference.emulator.internal.Tokens;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Job;

/**
 * The emulated AnnoLab's state: groups, projects (with directories, layers and annotation types), sources, PDFs waiting
 * for their upload, inference and export runs, and signed downloads; annotations and relations are kept by
 * {@link AnnotationStore}. Every id comes from one counter, as in a database with one sequence. Lookups answer the real
 * service's 404s, creations of what exists its 409s.
 */
final class AnnoLabStore {

    private final EmulatorContext ctx;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final Map<Long, Project> projects = new ConcurrentHashMap<>();
    private final Map<Long, Source> sources = new ConcurrentHashMap<>();
    private final Map<String, PdfSlot> pdfSlots = new ConcurrentHashMap<>();
    private final Map<Long, InferenceRun> inferences = new ConcurrentHashMap<>();
    private final Map<String, Path> downloads = new ConcurrentHashMap<>();
    private final Map<String, SignedFile> files = new ConcurrentHashMap<>();
    final AnnotationStore annotations = new AnnotationStore(this);
    final Schemas schemas = new Schemas(this);

    AnnoLabStore(EmulatorContext ctx) {
        this.ctx = ctx;
        createDemoData();
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** The key's groups, sorted by name. */
    List<Group> groups() {
        return new TreeMap<>(groups).values().stream().toList();
    }

    // ------------------------------------------------------------------------------------------------ projects

    /** A new project in a group the key can access; names are unique within a group (409). */
    synchronized Project createProject(String name, String group, boolean isPublic) {
        requireGroup(group);
        for (Project p : projects.values()) {
            if (p.group.equals(group) && p.name.equals(name)) {
                throw new ApiError(409, "A project named '" + name + "' already exists in group '" + group + "'");
            }
        }
        return addProject(name, group, isPublic);
    }

    private Project addProject(String name, String group, boolean isPublic) {
        Project p = new Project(nextId(), name, group, groups.get(group).id(), isPublic);
        p.directories.put(AnnoLabProvider.DEFAULT_DIRECTORY, new Directory(nextId(), AnnoLabProvider.DEFAULT_DIRECTORY));
        p.layers.put(AnnoLabProvider.DEFAULT_LAYER, new Layer(nextId(), AnnoLabProvider.DEFAULT_LAYER, true,
                "Where annotations go when a request names no layer"));
        projects.put(p.id, p);
        return p;
    }

    /** A project by id or by name within the group. */
    Project project(String identifier, String group) {
        requireGroup(group);
        if (RequestFields.isNumber(identifier)) {
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

    Project projectById(String id) {
        Project p = RequestFields.isNumber(id) ? projects.get(Long.parseLong(id)) : null;
        if (p == null) {
            throw new ApiError(404, "Project " + id + " not found");
        }
        return p;
    }

    /**
     * A project named by id, or by name in {@code group}; without a group, by a name unique among the key's groups
     * (the SDK names projects by id alone in its layer, type and bulk calls).
     */
    Project projectAnywhere(String identifier, String group) {
        if (group != null) {
            return project(identifier, group);
        }
        if (RequestFields.isNumber(identifier) && projects.containsKey(Long.parseLong(identifier))) {
            return projects.get(Long.parseLong(identifier));
        }
        List<Project> named = projects.values().stream().filter(p -> p.name.equals(identifier)).toList();
        if (named.size() > 1) {
            throw new ApiError(400, "Project name '" + identifier + "' is ambiguous across your groups: send its id, or"
                    + " groupName");
        }
        if (named.isEmpty()) {
            throw new ApiError(404, "Project '" + identifier + "' not found");
        }
        return named.get(0);
    }

    /** The projects of a group (all the key's groups when null), oldest first. */
    List<Project> projects(String group) {
        if (group != null) {
            requireGroup(group);
        }
        return projects.values().stream().filter(p -> group == null || p.group.equals(group))
                .sorted(Comparator.comparingLong(p -> p.id)).toList();
    }

    private void requireGroup(String group) {
        if (!groups.containsKey(group)) {
            throw new ApiError(404, "Group '" + group + "' not found or not accessible with this API key");
        }
    }

    // ------------------------------------------------------------------------------------------------ schema

    /** The named or numbered directory; a new name creates the directory, the default is used when none is given. */
    Directory directory(Project p, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return p.directories.get(AnnoLabProvider.DEFAULT_DIRECTORY);
        }
        if (RequestFields.isNumber(identifier)) {
            Directory d = p.findDirectory(identifier);
            if (d == null) {
                throw new ApiError(404, "Directory " + identifier + " not found in project '" + p.name + "'");
            }
            return d;
        }
        return p.directories.computeIfAbsent(identifier, n -> new Directory(nextId(), n));
    }

    /** The layer by id, or by name (a new name creates the layer): how inference names its output layer. */
    Layer layer(Project p, JsonNode identifier) {
        if (identifier == null || identifier.isNull() || identifier.asText().isBlank()) {
            throw new ApiError(400, "'outputLayerIdentifier' is required: the id or name of the output layer");
        }
        String value = identifier.asText().strip();
        if (identifier.isIntegralNumber() || RequestFields.isNumber(value)) {
            for (Layer l : p.layers.values()) {
                if (l.id() == Long.parseLong(value)) {
                    return l;
                }
            }
            if (identifier.isIntegralNumber()) {
                throw new ApiError(404, "Layer " + value + " not found in project '" + p.name + "'");
            }
        }
        return p.layers.computeIfAbsent(value, n -> new Layer(nextId(), n));
    }

    // ------------------------------------------------------------------------------------------------ sources

    /** A new source; names are unique within a directory (409). A PDF source gets its signed download link. */
    Source addSource(Project p, Directory d, String name, String type, String text, Path file, JsonNode textBounds) {
        synchronized (p) {
            for (Source s : sources.values()) {
                if (s.project() == p && s.directory().equals(d) && s.name().equals(name)) {
                    throw new ApiError(409, "A source named '" + name + "' already exists in directory '" + d.name()
                            + "' of project '" + p.name + "'");
                }
            }
            Source s = new Source(nextId(), p, d, name, type, text, Instant.now(), file, textBounds);
            sources.put(s.id(), s);
            if (file != null) {
                SignedFile link = new SignedFile(Tokens.newToken(), Tokens.newToken(), s);
                files.put(link.token(), link);
            }
            return s;
        }
    }

    Source source(String id) {
        Source s = RequestFields.isNumber(id) ? sources.get(Long.parseLong(id)) : null;
        if (s == null) {
            throw new ApiError(404, "Source " + id + " not found");
        }
        return s;
    }

    /**
     * A source by its name in a directory (name or id) of a project (name or id) of a group; the service's 404 for an
     * unknown group, project, directory or name. Looking up never creates a directory.
     */
    Source sourceByName(String group, String projectIdentifier, String directoryIdentifier, String name) {
        Project p = project(projectIdentifier, group);
        Directory d = p.findDirectory(directoryIdentifier);
        if (d == null) {
            throw new ApiError(404, "Directory '" + directoryIdentifier + "' not found in project '" + p.name + "'");
        }
        Source s = sourceIn(p, d, name);
        if (s == null) {
            throw new ApiError(404, "Source '" + name + "' not found in directory '" + d.name() + "' of project '"
                    + p.name + "'");
        }
        return s;
    }

    /** The source of that name in the directory, or null. */
    Source sourceIn(Project p, Directory d, String name) {
        for (Source s : sources.values()) {
            if (s.project() == p && s.directory().equals(d) && s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** A source by id, or null. */
    Source source(long id) {
        return sources.get(id);
    }

    /** The sources of a project, oldest first. */
    List<Source> sources(Project p) {
        return sources.values().stream().filter(s -> s.project() == p)
                .sorted(Comparator.comparingLong(Source::id)).toList();
    }

    /** Deletes the source, its annotations (and their relations) and its file. */
    void removeSource(Source s) throws IOException {
        sources.remove(s.id());
        annotations.removeSource(s);
        files.values().removeIf(f -> f.source().id() == s.id());
        if (s.file() != null) {
            Files.deleteIfExists(s.file());
        }
    }

    /** The signed download URL of a PDF source's file, or null for a text source. */
    String fileUrl(Source s) {
        for (SignedFile f : files.values()) {
            if (f.source().id() == s.id()) {
                return ctx.baseUrl() + SignedUrls.FILE_PATH + f.token() + "?X-Amz-Expires=3600&X-Amz-Signature="
                        + f.signature();
            }
        }
        return null;
    }

    SignedFile signedFile(String token) {
        return files.get(token);
    }

    // ------------------------------------------------------------------------------------------------ PDF uploads

    void addPdfSlot(PdfSlot slot) {
        pdfSlots.put(slot.token(), slot);
    }

    PdfSlot pdfSlot(String token) {
        return pdfSlots.get(token);
    }

    /** The uploaded PDF announced for this name and directory, or null. */
    PdfSlot uploadedPdf(Project p, Directory d, String name) {
        PdfSlot slot = null;
        for (PdfSlot s : pdfSlots.values()) {
            if (s.project() == p && s.directory().equals(d) && s.name().equals(name) && s.uploaded().get()) {
                slot = s;
            }
        }
        return slot;
    }

    void removePdfSlot(PdfSlot slot) {
        pdfSlots.remove(slot.token());
    }

    // ------------------------------------------------------------------------------------------------ jobs

    void addInference(InferenceRun run) {
        inferences.put(run.id(), run);
    }

    /** Writes a finished inference job's annotations into its output layer, once. */
    void commit(Job job) {
        InferenceRun run = job.payload();
        if (!job.isFinished() || job.isFailed() || !run.committed().compareAndSet(false, true)) {
            return;
        }
        boolean classifies = run.model() instanceof DocumentClassifier;
        for (Map.Entry<Long, List<Span>> result : run.results().entrySet()) {
            Source s = sources.get(result.getKey());
            if (s == null) {
                continue;
            }
            for (Span span : result.getValue()) {
                AnnotationType type = schemas.typeNamed(run.project(), span.type(), false, classifies);
                annotations.add(new Annotation(nextId(), s, run.layer(), type, span.value(), span.start(), span.end(),
                        span.pageNumber(), span.endPageNumber(), null, null, null, false, "model:"
                        + run.model().name()));
            }
        }
    }

    /** Commits every finished inference job of the project, so that an export sees all their annotations. */
    private void commitFinished(Project p) {
        for (InferenceRun inference : inferences.values()) {
            Job j = ctx.jobs().get(AnnoLabProvider.NAME, InferenceRoutes.jobId(String.valueOf(inference.id())));
            if (j != null && inference.project() == p) {
                commit(j);
            }
        }
    }

    /**
     * The export's download token, its zip built on first demand from the project as it is then. Under the store's
     * lock, so that a reset does not delete the zip while it is written.
     */
    synchronized String archive(ExportRun run) throws IOException {
        if (run.downloadToken != null) {
            return run.downloadToken;
        }
        commitFinished(run.project);
        Path zip = dir().resolve("exports").resolve(run.id + ".zip");
        List<Source> selected = sources(run.project).stream()
                .filter(s -> run.sourceIds == null || run.sourceIds.contains(s.id())).toList();
        ExportArchive.write(zip, run, selected, annotations);
        String token = Tokens.newToken();
        downloads.put(token, zip);
        run.downloadToken = token;
        return token;
    }

    /** The file behind a download token, or null. */
    Path download(String token) {
        return downloads.get(token);
    }

    /** Where this provider's files live. */
    Path dir() {
        return ctx.tempDir().resolve(AnnoLabProvider.NAME);
    }

    /** Back to the state at start: only the demo groups and project. */
    synchronized void reset() {
        groups.clear();
        projects.clear();
        sources.clear();
        annotations.clear();
        pdfSlots.clear();
        inferences.clear();
        downloads.clear();
        files.clear();
        FileTrees.deleteTree(dir());
        createDemoData();
    }

    private void createDemoData() {
        groups.put(AnnoLabProvider.DEMO_GROUP, new Group(1L, AnnoLabProvider.DEMO_GROUP, false));
        groups.put(AnnoLabProvider.USER_GROUP, new Group(2L, AnnoLabProvider.USER_GROUP, true));
        addProject(AnnoLabProvider.DEMO_PROJECT, AnnoLabProvider.DEMO_GROUP, false);
    }
}
