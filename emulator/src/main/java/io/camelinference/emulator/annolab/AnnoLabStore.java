package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.internal.FileTrees;
import io.camelinference.emulator.internal.Tokens;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Job;

/**
 * The emulated AnnoLab's state: groups, projects (with directories and layers), sources and their annotations, PDFs
 * waiting for their upload, inference and export runs, and export downloads. Every id comes from one counter, as in
 * a database with one sequence. Lookups answer the real service's 404s.
 */
final class AnnoLabStore {

    private final EmulatorContext ctx;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Long> groups = new ConcurrentHashMap<>();
    private final Map<Long, Project> projects = new ConcurrentHashMap<>();
    private final Map<Long, Source> sources = new ConcurrentHashMap<>();
    private final Map<Long, List<Annotation>> annotations = new ConcurrentHashMap<>();
    private final Map<String, PdfSlot> pdfSlots = new ConcurrentHashMap<>();
    private final Map<Long, InferenceRun> inferences = new ConcurrentHashMap<>();
    private final Map<String, Path> downloads = new ConcurrentHashMap<>();

    AnnoLabStore(EmulatorContext ctx) {
        this.ctx = ctx;
        createDemoData();
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Group names and ids, sorted by name. */
    Map<String, Long> groups() {
        return new TreeMap<>(groups);
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
        Project p = new Project(nextId(), name, group, groups.get(group), isPublic);
        p.directories.put(AnnoLabProvider.DEFAULT_DIRECTORY, new Directory(nextId(), AnnoLabProvider.DEFAULT_DIRECTORY));
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

    private void requireGroup(String group) {
        if (!groups.containsKey(group)) {
            throw new ApiError(404, "Group '" + group + "' not found or not accessible with this API key");
        }
    }

    /** The named or numbered directory; a new name creates the directory, the default is used when none is given. */
    Directory directory(Project p, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return p.directories.get(AnnoLabProvider.DEFAULT_DIRECTORY);
        }
        if (RequestFields.isNumber(identifier)) {
            for (Directory d : p.directories.values()) {
                if (d.id() == Long.parseLong(identifier)) {
                    return d;
                }
            }
            throw new ApiError(404, "Directory " + identifier + " not found in project '" + p.name + "'");
        }
        return p.directories.computeIfAbsent(identifier, n -> new Directory(nextId(), n));
    }

    /** The layer by id, or by name (a new name creates the layer). */
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

    /** A new source; names are unique within a directory (409). */
    Source addSource(Project p, Directory d, String name, String type, String text) {
        synchronized (p) {
            for (Source s : sources.values()) {
                if (s.project() == p && s.directory().equals(d) && s.name().equals(name)) {
                    throw new ApiError(409, "A source named '" + name + "' already exists in directory '" + d.name()
                            + "' of project '" + p.name + "'");
                }
            }
            Source s = new Source(nextId(), p, d, name, type, text, Instant.now());
            sources.put(s.id(), s);
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
        Directory d = p.directories.get(directoryIdentifier);
        if (d == null && RequestFields.isNumber(directoryIdentifier)) {
            d = p.directories.values().stream().filter(x -> x.id() == Long.parseLong(directoryIdentifier)).findFirst()
                    .orElse(null);
        }
        if (d == null) {
            throw new ApiError(404, "Directory '" + directoryIdentifier + "' not found in project '" + p.name + "'");
        }
        for (Source s : sources.values()) {
            if (s.project() == p && s.directory().equals(d) && s.name().equals(name)) {
                return s;
            }
        }
        throw new ApiError(404, "Source '" + name + "' not found in directory '" + d.name() + "' of project '" + p.name
                + "'");
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

    void removeSource(Source s) {
        sources.remove(s.id());
        annotations.remove(s.id());
    }

    List<Annotation> annotations(long sourceId) {
        return annotations.getOrDefault(sourceId, List.of());
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
        for (Map.Entry<Long, List<Span>> result : run.results().entrySet()) {
            if (!sources.containsKey(result.getKey())) {
                continue;
            }
            List<Annotation> list = annotations.computeIfAbsent(result.getKey(), k -> new CopyOnWriteArrayList<>());
            for (Span span : result.getValue()) {
                list.add(new Annotation(nextId(), result.getKey(), run.layer(), span, "model:" + run.model().name()));
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
        ExportArchive.write(zip, run, selected, this::annotations);
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

    /** Back to the state at start: only the demo group and project. */
    synchronized void reset() {
        groups.clear();
        projects.clear();
        sources.clear();
        annotations.clear();
        pdfSlots.clear();
        inferences.clear();
        downloads.clear();
        FileTrees.deleteTree(dir());
        createDemoData();
    }

    private void createDemoData() {
        groups.put(AnnoLabProvider.DEMO_GROUP, 1L);
        addProject(AnnoLabProvider.DEMO_PROJECT, AnnoLabProvider.DEMO_GROUP, false);
    }
}
