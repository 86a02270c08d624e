package io.camelinference.annolab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.ExportStarted;
import io.camelinference.annolab.model.ExportStatus;
import io.camelinference.annolab.model.InferenceJob;
import io.camelinference.common.component.InferenceProducerSupport;
import io.camelinference.common.component.InferenceRuntime;
import io.camelinference.common.component.SafeFileNames;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.http.AuthStrategy;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.common.state.PendingJobs;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out the AnnoLab operations for one endpoint, asynchronously. */
final class AnnoLabProducer extends InferenceProducerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AnnoLabProducer.class);
    static final String PROVIDER = "annolab";

    private final AnnoLabEndpoint endpoint;
    private final AnnoLabConfiguration configuration;
    private final AnnoLabClient client;

    /** Where the sources live and what runs on them, after header overrides. */
    private record Target(String project, String group, String model, String layer, String directory) {
    }

    /** A started export: its id (when known) and where its status is polled. */
    private record ExportHandle(Long id, String statusUrl) {
    }

    AnnoLabProducer(AnnoLabEndpoint endpoint, InferenceRuntime runtime) {
        super(endpoint, runtime, PROVIDER);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.client = new AnnoLabClient(runtime.httpClient(PROVIDER, configuration,
                AuthStrategy.header("Authorization", "Api-Key ", configuration.getApiKey())));
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        return switch (operation(exchange.getMessage())) {
            case infer -> infer(exchange);
            case status -> status(exchange);
            case createSource -> createSource(exchange);
            case export -> export(exchange);
        };
    }

    private AnnoLabOperation operation(Message in) {
        String name = in.getHeader(AnnoLabConstants.OPERATION, String.class);
        return name == null ? endpoint.getOperation() : AnnoLabOperation.fromUri(name);
    }

    // ---- infer: source -> job -> export -> download -> records ------------------------------------------------

    private CompletableFuture<?> infer(Exchange exchange) {
        Message in = exchange.getMessage();
        Target target = target(in, true);
        PendingJobs pending = endpoint.pendingJobs();
        String key = pending.keyOf(exchange, "infer:" + target.group() + "/" + target.project() + ":" + target.model()
                + ":" + target.layer());
        ChainState earlier = ChainState.decode(pending.find(key));
        if (earlier != null) {
            LOG.info("Resuming the AnnoLab chain started earlier for this message: {}", earlier.encode());
        }
        return inferFrom(exchange, target, key, earlier, deadline());
    }

    /**
     * Runs the chain from a remembered state. When the service no longer knows the step the state resumes at (a
     * 404 for the remembered export, job or sources), that step is dropped and the chain runs again from the step
     * before, instead of failing for ever.
     */
    private CompletableFuture<?> inferFrom(Exchange exchange, Target target, String key, ChainState resumed,
                                           long deadline) {
        return chain(exchange, target, key, resumed, deadline).<CompletableFuture<?>>handle((result, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(result);
            }
            if (resumed != null && isStale(Failures.cause(error), resumed)) {
                ChainState reduced = resumed.exportStatusUrl() != null ? resumed.withoutExport()
                        : resumed.jobId() != null ? resumed.withoutJob() : null;
                LOG.warn("AnnoLab no longer knows the step this message resumed at ({}); running it again from {}",
                        Failures.cause(error).getMessage(), reduced == null ? "the start" : reduced.encode());
                if (reduced == null) {
                    endpoint.pendingJobs().forget(key);
                } else {
                    remember(key, reduced);
                }
                try {
                    return inferFrom(exchange, target, key, reduced, deadline);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return CompletableFuture.failedFuture(Failures.cause(error));
        }).thenCompose(next -> next.thenApply(result -> (Object) result));
    }

    /** Whether the error is the service's 404 for the very step a resumed state starts with. */
    private static boolean isStale(Throwable error, ChainState resumed) {
        if (!(error instanceof InferenceApiException api) || api.getStatusCode() != 404 || api.getOperation() == null) {
            return false;
        }
        String operation = api.getOperation();
        if (resumed.exportStatusUrl() != null) {
            return operation.equals("GET " + java.net.URI.create(resumed.exportStatusUrl()).getPath())
                    || operation.equals("GET " + resumed.exportStatusUrl());
        }
        if (resumed.jobId() != null) {
            return operation.equals("GET /v1/infer/batch/" + resumed.jobId());
        }
        return operation.equals("POST /v1/infer/batch");
    }

    private CompletableFuture<?> chain(Exchange exchange, Target target, String key, ChainState resumed,
                                       long deadline) {
        Message in = exchange.getMessage();
        PendingJobs pending = endpoint.pendingJobs();
        boolean wait = configuration.isWaitForCompletion();
        CompletableFuture<ChainState> sources;
        if (resumed != null) {
            sources = CompletableFuture.completedFuture(resumed);
        } else {
            List<Long> ids = sourceIds(in.getBody(), "infer");
            if (ids != null) {
                sources = CompletableFuture.completedFuture(ChainState.ofSources(ids));
            } else {
                // bad input fails here, before any call
                DocumentInput document = DocumentInput.from(exchange, runtime().tempDirectory(), "infer");
                sources = createSource(document, target)
                        .whenComplete((s, e) -> document.release())
                        .thenApply(source -> remember(key, ChainState.ofSources(List.of(source.id()))));
            }
        }
        return sources.thenCompose(state -> {
            in.setHeader(AnnoLabConstants.SOURCE_IDS, state.sourceIds());
            if (state.jobId() != null) {
                return CompletableFuture.completedFuture(state);
            }
            return client.inferBatch(inferBody(target, state.sourceIds())).thenApply(job -> {
                setJobHeaders(in, job);
                if (!wait) {
                    in.setBody(job);
                }
                String layer = job.outputLayerName() != null ? job.outputLayerName() : target.layer();
                return remember(key, state.withJob(job.inferenceJobId(), layer));
            });
        }).thenCompose(state -> {
            if (!wait) {
                pending.forget(key);
                return CompletableFuture.completedFuture(null);
            }
            return awaitJob(in, state, deadline).<CompletableFuture<?>>handle((job, error) -> {
                if (error != null) {
                    if (Failures.cause(error) instanceof InferenceJobFailedException) {
                        // a new attempt for this message re-runs the model on the same sources, never re-uploads
                        remember(key, state.withoutJob());
                    }
                    throw new CompletionException(Failures.cause(error));
                }
                if (!configuration.isFetchResults()) {
                    pending.forget(key);
                    in.setBody(job);
                    return CompletableFuture.completedFuture(null);
                }
                return fetchResults(exchange, target, state, key, deadline);
            }).thenCompose(next -> next.thenApply(result -> (Object) result));
        });
    }

    private CompletableFuture<InferenceJob> awaitJob(Message in, ChainState state, long deadline) {
        long jobId = state.jobId();
        in.setHeader(AnnoLabConstants.JOB_ID, jobId);
        if (state.layerName() != null) {
            in.setHeader(AnnoLabConstants.OUTPUT_LAYER_NAME, state.layerName());
        }
        return poller().await(String.valueOf(jobId), schedule(deadline),
                        () -> client.inferenceStatus(jobId).thenApply(job -> jobStatus(job, state.sourceIds())))
                .whenComplete((job, error) -> {
                    if (job != null) {
                        in.setHeader(AnnoLabConstants.STATUS, job.status());
                    } else if (Failures.cause(error) instanceof InferenceJobFailedException failed) {
                        in.setHeader(AnnoLabConstants.STATUS, failed.getStatus());
                    }
                });
    }

    static JobStatus<InferenceJob> jobStatus(InferenceJob job, List<Long> sourceIds) {
        String state = job.status() == null ? "unknown" : job.status();
        if (InferenceJob.FINISHED.equalsIgnoreCase(state)) {
            return JobStatus.done(state, job);
        }
        if (InferenceJob.ERRORED.equalsIgnoreCase(state)) {
            String reason = job.message() == null || job.message().isBlank()
                    ? "the service gave no reason" : job.message();
            return JobStatus.failed(state, "inference on sources " + sourceIds + " failed: " + reason);
        }
        return JobStatus.running(state);
    }

    private CompletableFuture<?> fetchResults(Exchange exchange, Target target, ChainState state, String key,
                                                   long deadline) {
        Message in = exchange.getMessage();
        List<String> layers = state.layerName() != null ? List.of(state.layerName()) : layerFilter(in, target);
        ExportHandle resume = state.exportStatusUrl() == null ? null
                : new ExportHandle(state.exportId(), state.exportStatusUrl());
        return runExport(in, target, state.sourceIds(), layers, deadline, resume,
                        handle -> remember(key, state.withExport(handle.id(), handle.statusUrl())))
                .handle((zip, error) -> {
                    if (error != null) {
                        if (Failures.cause(error) instanceof InferenceJobFailedException) {
                            // keep the finished job: a new attempt only exports again
                            remember(key, state.withoutExport());
                        }
                        throw new CompletionException(Failures.cause(error));
                    }
                    return zip;
                })
                .thenApplyAsync(zip -> {
                    try {
                        List<AnnoLabAnnotation> annotations = readAndDelete(zip);
                        endpoint.pendingJobs().forget(key);
                        in.setHeader(AnnoLabConstants.ANNOTATION_COUNT, annotations.size());
                        in.setBody(annotations);
                        return annotations;
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read the AnnoLab export downloaded for sources "
                                + state.sourceIds() + ": " + e.getMessage(), e);
                    }
                }, runtime().completions());
    }

    // ---- export ------------------------------------------------------------------------------------------------

    /**
     * Starts (or resumes) a project export filtered to the sources and layers, waits for it and downloads its zip to
     * {@code outputDirectory} or a temporary file.
     */
    private CompletableFuture<Path> runExport(Message in, Target target, List<Long> sourceIds, List<String> layers,
                                              long deadline, ExportHandle resume,
                                              java.util.function.Consumer<ExportHandle> onStarted) {
        CompletableFuture<ExportHandle> started;
        if (resume != null) {
            started = CompletableFuture.completedFuture(resume);
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("projectIdentifier", target.project());
            body.put("groupName", target.group());
            body.put("includeAnnotationTypes", true);
            body.put("includeSources", false);
            body.put("includeTextBounds", false);
            if (sourceIds != null) {
                body.put("sourceIds", sourceIds);
            }
            if (layers != null) {
                body.put("annotationLayerNames", layers);
            }
            started = client.exportProject(body).thenApply(answer -> {
                ExportHandle handle = handle(answer);
                onStarted.accept(handle);
                return handle;
            });
        }
        return started.thenCompose(handle -> {
            in.setHeader(AnnoLabConstants.EXPORT_ID, handle.id());
            String what = "export " + (handle.id() != null ? handle.id() : handle.statusUrl());
            String context = "export of sources " + (sourceIds == null ? "(all)" : sourceIds)
                    + (layers == null ? "" : " in layers " + layers);
            return poller().await(what, schedule(deadline),
                            () -> client.exportStatus(handle.statusUrl()).thenApply(s -> exportStatus(s, context)))
                    .whenComplete((status, error) -> {
                        if (status != null) {
                            in.setHeader(AnnoLabConstants.EXPORT_STATUS, status.status());
                        } else if (Failures.cause(error) instanceof InferenceJobFailedException failed) {
                            in.setHeader(AnnoLabConstants.EXPORT_STATUS, failed.getStatus());
                        }
                    })
                    .thenCompose(status -> client.download(status.downloadUrl(), exportTarget(in, handle)));
        });
    }

    static JobStatus<ExportStatus> exportStatus(ExportStatus status, String context) {
        String state = status.status() == null ? "unknown" : status.status();
        if (ExportStatus.ERRORED.equalsIgnoreCase(state)) {
            String reason = status.error() == null || status.error().isBlank() ? "the service gave no reason"
                    : status.error();
            return JobStatus.failed(state, context + " failed: " + reason);
        }
        if (ExportStatus.FINISHED.equalsIgnoreCase(state)) {
            if (status.downloadUrl() == null || status.downloadUrl().isBlank()) {
                return JobStatus.failed(state, context + " finished without a downloadUrl");
            }
            return JobStatus.done(state, status);
        }
        return JobStatus.running(state);
    }

    private ExportHandle handle(ExportStarted answer) {
        if (answer.exportStatusUrl() == null || answer.exportStatusUrl().isBlank()) {
            throw new InferenceException(PROVIDER, "AnnoLab started an export but gave no exportStatusUrl");
        }
        Long id = answer.exportJob() != null ? answer.exportJob().id() : null;
        if (id == null) {
            String url = answer.exportStatusUrl().replaceAll("[?#].*$", "").replaceAll("/+$", "");
            String last = url.substring(url.lastIndexOf('/') + 1);
            id = last.matches("\\d{1,18}") ? Long.parseLong(last) : null;
        }
        return new ExportHandle(id, answer.exportStatusUrl());
    }

    private Path exportTarget(Message in, ExportHandle handle) {
        try {
            Path dir = outputDirectory(in);
            if (dir != null && operation(in) == AnnoLabOperation.export) {
                Files.createDirectories(dir);
                return SafeFileNames.resolveInside(dir, "annolab-export-"
                        + (handle.id() != null ? handle.id() : System.currentTimeMillis()) + ".zip");
            }
            Files.createDirectories(runtime().tempDirectory());
            return Files.createTempFile(runtime().tempDirectory(), "export-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file the AnnoLab export is downloaded to", e);
        }
    }

    private CompletableFuture<?> export(Exchange exchange) {
        Message in = exchange.getMessage();
        Target target = target(in, false);
        List<Long> ids = sourceIds(in.getBody(), "export");
        if (ids == null) {
            ids = headerSourceIds(in);
        }
        List<String> layers = layerFilter(in, target);
        Path dir = outputDirectory(in);
        return runExport(in, target, ids, layers, deadline(), null, handle -> { })
                .thenApplyAsync(zip -> {
                    if (dir != null) {
                        in.setHeader(AnnoLabConstants.EXPORT_FILE, zip.toFile());
                        in.setBody(zip.toFile());
                        return zip;
                    }
                    try {
                        List<AnnoLabAnnotation> annotations = readAndDelete(zip);
                        in.setHeader(AnnoLabConstants.ANNOTATION_COUNT, annotations.size());
                        in.setBody(annotations);
                        return annotations;
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read the AnnoLab export: " + e.getMessage(), e);
                    }
                }, runtime().completions());
    }

    private static List<AnnoLabAnnotation> readAndDelete(Path zip) throws IOException {
        try {
            return ExportArchive.annotations(zip);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    // ---- status and create-source ------------------------------------------------------------------------------

    private CompletableFuture<?> status(Exchange exchange) {
        Message in = exchange.getMessage();
        Long jobId = in.getHeader(AnnoLabConstants.JOB_ID, Long.class);
        Object body = in.getBody();
        if (jobId == null && (body instanceof Number || body instanceof String)) {
            String text = body.toString().strip();
            if (!text.matches("\\d{1,18}")) {
                throw new IllegalArgumentException("annolab:status needs an inference job id; the body '" + text
                        + "' is not one");
            }
            jobId = Long.parseLong(text);
        }
        if (jobId == null) {
            throw new IllegalArgumentException("annolab:status needs an inference job id: set the header "
                    + AnnoLabConstants.JOB_ID + " or put the id in the body");
        }
        return client.inferenceStatus(jobId).thenAccept(job -> {
            setJobHeaders(in, job);
            in.setBody(job);
        });
    }

    private CompletableFuture<?> createSource(Exchange exchange) {
        Message in = exchange.getMessage();
        Target target = target(in, false);
        DocumentInput document = DocumentInput.from(exchange, runtime().tempDirectory(), "create-source");
        return createSource(document, target).whenComplete((s, e) -> document.release()).thenAccept(source -> {
            in.setHeader(AnnoLabConstants.SOURCE_IDS, List.of(source.id()));
            in.setHeader(AnnoLabConstants.SOURCE_NAME, source.name() != null ? source.name() : document.name());
            in.setBody(source);
        });
    }

    /** Text through create-text; PDFs through init-pdf, a streamed PUT to the signed URL, and create-pdf. */
    private CompletableFuture<AnnoLabSource> createSource(DocumentInput document, Target target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectIdentifier", target.project());
        body.put("groupName", target.group());
        if (target.directory() != null) {
            body.put("directoryIdentifier", target.directory());
        }
        if (!document.isPdf()) {
            body.put("sourceName", document.name());
            body.put("text", document.text());
            return client.createText(body).thenApply(AnnoLabProducer::requireId);
        }
        Map<String, Object> init = new LinkedHashMap<>(body);
        init.put("sourceName", document.name());
        init.put("metadata", Map.of());
        Map<String, Object> create = new LinkedHashMap<>(body);
        create.put("sourceIdentifier", document.name());
        create.put("preprocessor", "none");
        return client.initPdf(init)
                .thenCompose(link -> {
                    if (link.uploadUrl() == null || link.uploadUrl().isBlank()) {
                        throw new InferenceException(PROVIDER, "AnnoLab init-pdf answered without an uploadUrl");
                    }
                    return client.upload(link.uploadUrl(), document.upload());
                })
                .thenCompose(uploaded -> client.createPdf(create))
                .thenApply(AnnoLabProducer::requireId);
    }

    private static AnnoLabSource requireId(AnnoLabSource source) {
        if (source == null || source.id() == null) {
            throw new InferenceException(PROVIDER, "AnnoLab created the source but its answer has no id");
        }
        return source;
    }

    // ---- input and options --------------------------------------------------------------------------------------

    private Target target(Message in, boolean infer) {
        String project = in.getHeader(AnnoLabConstants.PROJECT_IDENTIFIER, configuration.getProjectIdentifier(),
                String.class);
        String model = in.getHeader(AnnoLabConstants.MODEL_IDENTIFIER, configuration.getModelIdentifier(),
                String.class);
        String layer = in.getHeader(AnnoLabConstants.OUTPUT_LAYER_IDENTIFIER, configuration.getOutputLayerIdentifier(),
                String.class);
        if (project == null || project.isBlank() || configuration.getGroupName() == null) {
            throw new IllegalArgumentException("annolab needs groupName and projectIdentifier");
        }
        if (infer && (model == null || model.isBlank() || layer == null || layer.isBlank())) {
            throw new IllegalArgumentException("annolab:infer needs modelIdentifier and outputLayerIdentifier");
        }
        return new Target(project, configuration.getGroupName(), model, layer, configuration.getDirectoryIdentifier());
    }

    private Map<String, Object> inferBody(Target target, List<Long> sourceIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectIdentifier", target.project());
        body.put("modelIdentifier", target.model());
        body.put("sourceIds", sourceIds);
        // an id goes as a number, a name as a string: the API takes string|integer
        body.put("outputLayerIdentifier", target.layer().matches("\\d{1,18}") ? Long.parseLong(target.layer())
                : target.layer());
        body.put("groupName", target.group());
        return body;
    }

    /** The body's source ids, or null when the body is a document. */
    static List<Long> sourceIds(Object body, String operation) {
        List<Long> ids = new ArrayList<>();
        if (body instanceof long[] array) {
            Arrays.stream(array).forEach(ids::add);
        } else if (body instanceof int[] array) {
            Arrays.stream(array).forEach(i -> ids.add((long) i));
        } else if (body instanceof Collection<?> list) {
            for (Object id : list) {
                if (id instanceof Number n) {
                    ids.add(n.longValue());
                } else if (id != null && id.toString().strip().matches("\\d{1,18}")) {
                    ids.add(Long.parseLong(id.toString().strip()));
                } else {
                    throw new IllegalArgumentException("annolab:" + operation + " got a List body, which must hold"
                            + " source ids (numbers), but it holds " + id);
                }
            }
        } else {
            return null;
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("annolab:" + operation + " got an empty list of source ids: nothing to"
                    + " do, nothing was sent to AnnoLab");
        }
        return ids;
    }

    private static List<Long> headerSourceIds(Message in) {
        Object header = in.getHeader(AnnoLabConstants.SOURCE_IDS);
        if (header instanceof String s) {
            header = Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }
        return header == null ? null : sourceIds(header, "export");
    }

    private List<String> layerFilter(Message in, Target target) {
        Object header = in.getHeader(AnnoLabConstants.ANNOTATION_LAYER_NAMES);
        if (header instanceof Collection<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        if (header != null && !header.toString().isBlank()) {
            return Arrays.stream(header.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String layer = target.layer();
        return layer == null || layer.isBlank() || layer.matches("\\d+") ? null : List.of(layer);
    }

    private Path outputDirectory(Message in) {
        String dir = configuration.getOutputDirectory();
        return dir == null || dir.isBlank() ? null : Paths.get(dir);
    }

    private long deadline() {
        return System.nanoTime() + Duration.ofMillis(configuration.getWaitTimeout()).toNanos();
    }

    /** Every wait of one message shares its waitTimeout, so the whole chain is bounded by it. */
    private PollSchedule schedule(long deadline) {
        long left = Math.max(0, deadline - System.nanoTime());
        return new PollSchedule(Duration.ofMillis(configuration.getPollInitialDelay()),
                Duration.ofMillis(configuration.getPollMaxInterval()), Duration.ofNanos(left));
    }

    private ChainState remember(String key, ChainState state) {
        endpoint.pendingJobs().remember(key, state.encode());
        return state;
    }

    private static void setJobHeaders(Message in, InferenceJob job) {
        in.setHeader(AnnoLabConstants.JOB_ID, job.inferenceJobId());
        in.setHeader(AnnoLabConstants.STATUS, job.status());
        if (job.sourceIds() != null) {
            in.setHeader(AnnoLabConstants.SOURCE_IDS, job.sourceIds());
        }
        if (job.outputLayerName() != null) {
            in.setHeader(AnnoLabConstants.OUTPUT_LAYER_NAME, job.outputLayerName());
        }
    }

}
