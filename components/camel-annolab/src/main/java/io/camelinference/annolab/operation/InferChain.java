package io.camelinference.annolab.operation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.InferRequest;
import io.camelinference.annolab.model.InferenceJob;
import io.camelinference.annolab.operation.InferState.Phase;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.job.Checkpoint;
import io.camelinference.common.job.JobChain;
import io.camelinference.common.job.Step;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.common.time.Deadline;

import static io.camelinference.annolab.operation.SourceSteps.PROVIDER;

/**
 * One message's infer as a resumable chain: sources created, inference job started, job finished, export started,
 * export finished, zip downloaded and read. Each call that creates something stores a claim first: the source's name
 * (so a lost answer or a crash is followed by a look-up by name, never a second source), "submitting the job" (AnnoLab
 * finds a job only by its id, so that claim is never re-sent: see {@link InferRecovery}), "starting an export". All
 * waits share one deadline (waitTimeout), and the billed job is not started once it has passed.
 */
final class InferChain implements JobChain<InferState, InferResult> {

    private final InferCall call;
    private final AnnoLabClient client;
    private final SourceSteps sources;
    private final ExportSteps exports;
    private final JobPoller poller;
    private final PollSchedule schedule;
    private final Deadline deadline;
    private final InferRecovery recovery;
    private final Progress progress;
    /** Sources this run created or checked: a 404 for the job on them is not about them. */
    private final Set<Long> known = ConcurrentHashMap.newKeySet();
    /** The finished export's signed link, kept in memory only (it carries a signature). */
    private volatile String downloadUrl;

    InferChain(InferCall call, AnnoLabClient client, SourceSteps sources, ExportSteps exports, JobPoller poller,
               PollSchedule schedule, long jobStateTtl) {
        this.call = call;
        this.client = client;
        this.sources = sources;
        this.exports = exports;
        this.poller = poller;
        this.schedule = schedule;
        this.deadline = Deadline.in(schedule.waitTimeout());
        this.recovery = new InferRecovery(known, jobStateTtl);
        this.progress = call.progress();
    }

    @Override
    public InferState initial() {
        return call.document() != null ? InferState.start() : InferState.ofSources(call.sourceIds());
    }

    @Override
    public CompletableFuture<Step<InferState, InferResult>> advance(InferState state, Checkpoint<InferState> save) {
        progress.sources(state.sourceIds());
        progress.job(state.jobId(), state.layerName());
        progress.export(state.exportId());
        return switch (state.phase()) {
            case NEW -> create(state.creating(call.document().name()), save);
            case CREATING_SOURCE -> sources.find(call.target(), state.sourceName()).thenCompose(found ->
                    found.isPresent() ? CompletableFuture.completedFuture(created(state, found.get()))
                            : create(state, save));
            case CHECKING_SOURCES -> sources.check(state.sourceIds()).thenApply(v -> {
                known.addAll(state.sourceIds());
                return Step.next(state.at(Phase.SOURCES_CREATED));
            });
            case SOURCES_CREATED -> submit(state, save);
            case SUBMITTING_JOB -> CompletableFuture.failedFuture(recovery.outcomeUnknown(state));
            case JOB_STARTED -> awaitJob(state);
            case JOB_FINISHED, STARTING_EXPORT -> startExport(state, save);
            case EXPORT_STARTED -> awaitExport(state);
            case EXPORT_FINISHED -> downloadAndRead(state);
        };
    }

    /** Stores the name as a claim, then creates the source. */
    private CompletableFuture<Step<InferState, InferResult>> create(InferState claim, Checkpoint<InferState> save) {
        save.save(claim);
        return sources.create(call.target(), call.document(), claim.sourceName()).thenApply(s -> created(claim, s));
    }

    private Step<InferState, InferResult> created(InferState state, AnnoLabSource source) {
        known.add(source.id());
        progress.sources(List.of(source.id()));
        return Step.next(state.withSources(List.of(source.id())));
    }

    /** The billed job: only when it can still be waited for, and after storing the claim that it is being sent. */
    private CompletableFuture<Step<InferState, InferResult>> submit(InferState state, Checkpoint<InferState> save) {
        if (call.waitForCompletion() && deadline.passed()) {
            throw new InferenceException(PROVIDER, "waitTimeout " + schedule.waitTimeout().toMillis() + " ms passed"
                    + " before the billed POST /v1/infer/batch for sources " + state.sourceIds() + " could be sent:"
                    + " a job that cannot be waited for is not started, so nothing was billed. "
                    + (call.jobKey() != null ? "The sources are kept: the next attempt of this message resumes from"
                    + " them. " : "This message has no CamelAnnoLabJobKey (and is not a file from the file consumer),"
                    + " so a new attempt creates its source again. ") + "Raise waitTimeout if this recurs");
        }
        save.save(state.submitting(System.currentTimeMillis()));
        Target t = call.target();
        return client.inferBatch(InferRequest.of(t.project(), t.model(), state.sourceIds(), t.layer(), t.group()))
                .handle((job, error) -> {
                    if (error != null) {
                        throw Outcomes.unknown(error) ? recovery.answerLost(state, Failures.cause(error))
                                : new CompletionException(Failures.cause(error));
                    }
                    return job;
                })
                .thenApply(job -> {
                    if (job.inferenceJobId() == null) {
                        throw new InferenceException(PROVIDER, "AnnoLab accepted the inference on sources "
                                + state.sourceIds() + " but its answer has no inferenceJobId");
                    }
                    String layer = job.outputLayerName() != null ? job.outputLayerName() : t.layer();
                    progress.job(job.inferenceJobId(), layer);
                    progress.status(job.status());
                    progress.sources(job.sourceIds());
                    return call.waitForCompletion() ? Step.next(state.withJob(job.inferenceJobId(), layer))
                            : Step.done(InferResult.of(job));
                });
    }

    private CompletableFuture<Step<InferState, InferResult>> awaitJob(InferState state) {
        long jobId = state.jobId();
        return poller.await(String.valueOf(jobId), schedule, deadline,
                        d -> client.inferenceStatus(jobId, d).thenApply(job -> jobStatus(job, state.sourceIds())))
                .whenComplete((job, error) -> progress.status(job != null ? job.status()
                        : ExportSteps.lastState(error)))
                .thenApply(job -> call.fetchResults() ? Step.next(state.at(Phase.JOB_FINISHED))
                        : Step.done(InferResult.of(job)));
    }

    static JobStatus<InferenceJob> jobStatus(InferenceJob job, List<Long> sourceIds) {
        String state = job.status() == null ? "unknown" : job.status();
        if (InferenceJob.FINISHED.equalsIgnoreCase(state)) {
            return JobStatus.done(state, job);
        }
        if (InferenceJob.ERRORED.equalsIgnoreCase(state)) {
            String reason = job.message() == null || job.message().isBlank() ? "the service gave no reason"
                    : job.message();
            return JobStatus.failed(state, "inference on sources " + sourceIds + " failed: " + reason);
        }
        return JobStatus.running(state);
    }

    /** Exports the job's layer of the sources; a claim first (an export lost on the way is simply started again). */
    private CompletableFuture<Step<InferState, InferResult>> startExport(InferState state,
                                                                         Checkpoint<InferState> save) {
        progress.status(InferenceJob.FINISHED);
        save.save(state.at(Phase.STARTING_EXPORT));
        return exports.start(call.target(), state.sourceIds(), layers(state)).thenApply(export -> {
            progress.export(export.id());
            return Step.next(state.withExport(export.id(), export.statusUrl()));
        });
    }

    private CompletableFuture<Step<InferState, InferResult>> awaitExport(InferState state) {
        progress.status(InferenceJob.FINISHED);
        return exports.await(handle(state), context(state), schedule, deadline, progress).thenApply(status -> {
            downloadUrl = status.downloadUrl();
            return Step.next(state.at(Phase.EXPORT_FINISHED));
        });
    }

    /** Downloads the zip to a temporary file, reads the annotations and deletes it. */
    private CompletableFuture<Step<InferState, InferResult>> downloadAndRead(InferState state) {
        progress.status(InferenceJob.FINISHED);
        progress.exportStatus("finished");
        String known = downloadUrl;
        CompletableFuture<String> url = known != null ? CompletableFuture.completedFuture(known)
                : exports.downloadUrl(handle(state), context(state), deadline);
        return url.thenCompose(link -> exports.download(link, null))
                .thenApply(zip -> Step.done(InferResult.of(ExportSteps.readAndDelete(zip, context(state)))));
    }

    private List<String> layers(InferState state) {
        if (state.layerName() != null) {
            return List.of(state.layerName());
        }
        return call.target().layerIsName() ? List.of(call.target().layer()) : null;
    }

    private static ExportHandle handle(InferState state) {
        return new ExportHandle(state.exportId(), state.exportStatusUrl());
    }

    private String context(InferState state) {
        List<String> layers = layers(state);
        return "export of sources " + state.sourceIds() + (layers == null ? "" : " in layers " + layers);
    }

    @Override
    public InferState recover(InferState state, Throwable error) {
        return recovery.recover(state, error);
    }

    @Override
    public InferState keepAfterFailure(InferState state, Throwable error) {
        return recovery.keepAfterFailure(state, error);
    }
}
