package io.camelinference.unitypredict.operation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.body.UploadSource;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.job.Checkpoint;
import io.camelinference.common.job.JobChain;
import io.camelinference.common.job.Step;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.common.time.Deadline;
import io.camelinference.unitypredict.client.UnityPredictClient;
import io.camelinference.unitypredict.model.UnityPredictRequest;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import io.camelinference.unitypredict.operation.PredictState.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.camelinference.unitypredict.model.UnityPredictResponse.COMPLETED;
import static io.camelinference.unitypredict.model.UnityPredictResponse.ERROR;
import static io.camelinference.unitypredict.model.UnityPredictResponse.PROCESSING;

/**
 * One prediction as a resumable chain. A message that can be recognised again (or that has files) first calls the free
 * {@code initialize}, so the request id is known and stored before anything is billed; the state says "submitting" before
 * the billed predict. After a crash there, or when predict's answer is lost in transit, the chain asks the service
 * about that id instead of paying again: a request the service never predicted is submitted; one it knows is waited for.
 * A message nobody can recognise again predicts in one call (nothing could be resumed for it anyway).
 */
final class PredictChain implements JobChain<PredictState, PredictResult> {

    private static final String PROVIDER = "unitypredict";
    private static final Logger LOG = LoggerFactory.getLogger(PredictChain.class);

    /** How often one message asks about a lost answer before it gives up (a service dropping every answer). */
    static final int MAX_LOST_ANSWERS = 3;

    private final PredictCall call;
    private final UnityPredictClient client;
    private final OutputFiles outputs;
    private final JobPoller poller;
    private final PollSchedule schedule;
    private final Duration landing;
    private final ScheduledExecutorService scheduler;
    private final Path spoolDirectory;
    private final Deadline deadline;

    /**
     * @param landing how long a predict may take to reach the service once sent (the endpoint's requestTimeout, the
     *                bound of one attempt): what a message resumed after a crash waits for before paying again
     * @param scheduler the component's scheduler, on which that wait holds no thread
     */
    PredictChain(PredictCall call, UnityPredictClient client, OutputFiles outputs, JobPoller poller,
                 PollSchedule schedule, Duration landing, ScheduledExecutorService scheduler, Path spoolDirectory) {
        this.call = call;
        this.client = client;
        this.outputs = outputs;
        this.poller = poller;
        this.schedule = schedule;
        this.landing = landing;
        this.scheduler = scheduler;
        this.spoolDirectory = spoolDirectory;
        this.deadline = Deadline.in(schedule.waitTimeout());
    }

    @Override
    public PredictState initial() {
        return PredictState.start();
    }

    @Override
    public CompletableFuture<Step<PredictState, PredictResult>> advance(PredictState state, Checkpoint<PredictState> save) {
        return switch (state.phase()) {
            case NEW -> call.initializeFirst()
                    ? client.initialize(call.modelId()).thenApply(r -> Step.next(new PredictState(
                            requireId(r), Phase.INITIALIZED)))
                    : client.predict(call.modelId(), call.request()).thenCompose(r -> accepted(r, r.requestId()));
            case INITIALIZED -> submit(state, save);
            case SUBMITTING -> client.status(state.requestId(), deadline).thenCompose(r -> r.status() != null
                    ? accepted(r, state.requestId()) : neverPredicted(state));
            case ACCEPTED -> poller.await(state.requestId(), schedule, deadline,
                            d -> client.status(state.requestId(), d).thenApply(PredictChain::toJobStatus),
                            "predict:" + call.modelId())
                    .thenCompose(this::finished);
        };
    }

    /** Uploads the file inputs and sends the billed predict, after storing that it is being sent. */
    private CompletableFuture<Step<PredictState, PredictResult>> submit(PredictState state, Checkpoint<PredictState> save) {
        if (call.waitForCompletion() && deadline.passed()) {
            throw new InferenceException(PROVIDER, "waitTimeout " + schedule.waitTimeout().toMillis() + " ms passed"
                    + " before the billed predict of request " + state.requestId() + " could be sent; nothing was"
                    + " billed. Raise waitTimeout");
        }
        Map<String, UploadSource> files = new LinkedHashMap<>();
        for (Map.Entry<String, UploadSource> input : call.files().entrySet()) {
            files.put(input.getKey(), known(input.getValue()));
        }
        Map<String, Object> values = new LinkedHashMap<>(call.request().inputValues());
        // one file after the other: bounded connections and buffers whatever the number of inputs
        CompletableFuture<Void> uploads = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, UploadSource> file : files.entrySet()) {
            uploads = uploads.thenCompose(v -> client.uploadLink(state.requestId(), file.getValue().name())
                    .thenCompose(link -> client.upload(link, file.getValue())
                            .thenRun(() -> values.put(file.getKey(), link.fileName()))));
        }
        UnityPredictRequest request = call.request();
        // stored just before the billed call (uploads bill nothing and are simply made again after a crash)
        return uploads.thenRun(() -> save.save(state.submitting(System.currentTimeMillis() + landing.toMillis())))
                .thenCompose(v -> client.predict(call.modelId(), state.requestId(), new UnityPredictRequest(values,
                        request.desiredOutcomes(), request.contextId(), request.callbackUrl()))
                .handle((response, error) -> {
                    if (error == null) {
                        return accepted(response, state.requestId());
                    }
                    if (answerLost(error) && state.lostAnswers() < MAX_LOST_ANSWERS) {
                        // the service may have taken it: ask about the request id rather than paying again
                        return CompletableFuture.completedFuture(Step.<PredictState, PredictResult>next(
                                state.answerLost()));
                    }
                    return CompletableFuture.<Step<PredictState, PredictResult>>failedFuture(Failures.cause(error));
                }).thenCompose(next -> next));
    }

    /**
     * The service knows the request but has not predicted it. The billed call did not land, unless one sent before a
     * crash is still on its way (behind a busy server's queue): then ask again once it can no longer arrive, rather
     * than pay a second time for a prediction that lands a moment later.
     */
    private CompletableFuture<Step<PredictState, PredictResult>> neverPredicted(PredictState state) {
        long wait = state.landsBy() - System.currentTimeMillis();
        if (wait <= 0) {
            return CompletableFuture.completedFuture(Step.next(state.at(Phase.INITIALIZED)));
        }
        LOG.debug("unitypredict request {} not predicted yet; a predict sent before may still land, asking again in {}"
                + " ms", state.requestId(), wait);
        CompletableFuture<Step<PredictState, PredictResult>> again = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> again.complete(Step.next(state)),
                    Math.min(wait, Math.max(0, deadline.remaining().toMillis())), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the component is stopping: the message fails and its stored state resumes it next time
            again.completeExceptionally(stopping);
        }
        return again;
    }

    /** The billed call went out and no usable answer came back: dropped, timed out, or a server error. */
    private static boolean answerLost(Throwable error) {
        Throwable cause = Failures.cause(error);
        return (cause instanceof InferenceTransportException t && t.isMaybeReceived())
                || (cause instanceof InferenceApiException api && api.getStatusCode() >= 500);
    }

    /** A stream input gets a length (signed links refuse chunked bodies); an empty one is refused before billing. */
    private UploadSource known(UploadSource source) {
        UploadSource known = source.withKnownLength(spoolDirectory);
        if (known.length() == 0) {
            known.release();
            throw new IllegalArgumentException("unitypredict:predict got an empty file for input " + source.name()
                    + " (0 bytes): nothing to predict, nothing was billed");
        }
        return known;
    }

    /** What to do with a predict or status answer: wait for a processing job, or finish. */
    private CompletableFuture<Step<PredictState, PredictResult>> accepted(UnityPredictResponse response, String requestId) {
        if (PROCESSING.equals(response.status())) {
            if (!call.waitForCompletion()) {
                return CompletableFuture.completedFuture(Step.done(new PredictResult(response, java.util.List.of())));
            }
            return CompletableFuture.completedFuture(Step.next(new PredictState(
                    response.requestId() != null ? response.requestId() : requestId, Phase.ACCEPTED)));
        }
        return finished(response);
    }

    private CompletableFuture<Step<PredictState, PredictResult>> finished(UnityPredictResponse response) {
        if (!COMPLETED.equals(response.status())) {
            String state = response.status() == null ? "None" : response.status();
            String message = response.errorMessages();
            if (message == null || message.isBlank()) {
                message = ERROR.equals(state) ? "the model reported an error without a message"
                        : "the service reported no status (possibly a server error)";
            }
            return CompletableFuture.failedFuture(new InferenceJobFailedException(PROVIDER, response.requestId(),
                    state, message));
        }
        return outputs.download(response, call.outputDirectory())
                .thenApply(files -> Step.done(new PredictResult(response, files)));
    }

    static JobStatus<UnityPredictResponse> toJobStatus(UnityPredictResponse response) {
        if (COMPLETED.equals(response.status())) {
            return JobStatus.done(COMPLETED, response);
        }
        if (ERROR.equals(response.status())) {
            return JobStatus.failed(ERROR, response.errorMessages());
        }
        return JobStatus.running(response.status() == null ? "None" : response.status());
    }

    private static String requireId(UnityPredictResponse initialized) {
        if (initialized.requestId() == null || initialized.requestId().isBlank()) {
            throw new InferenceException(PROVIDER, "UnityPredict initialize answered without a requestId");
        }
        return initialized.requestId();
    }

    /** A request id the service no longer knows (a 404 while asking about it, e.g. after a reset) starts over. */
    @Override
    public PredictState recover(PredictState state, Throwable error) {
        Throwable cause = Failures.cause(error);
        boolean asking = state.phase() == Phase.ACCEPTED || state.phase() == Phase.SUBMITTING;
        if (asking && cause instanceof InferenceApiException api && api.getStatusCode() == 404
                && api.getOperation() != null && api.getOperation().startsWith("GET /predict/status/")) {
            return PredictState.start();
        }
        return null;
    }

    /**
     * Nothing billed yet, a job the service failed, or a request it refused (4xx): forget the message. A job that may
     * be billed and pending is kept, so the next attempt of the message resumes it.
     */
    @Override
    public PredictState keepAfterFailure(PredictState state, Throwable error) {
        Throwable cause = Failures.cause(error);
        boolean refused = cause instanceof InferenceApiException api && api.getStatusCode() >= 400
                && api.getStatusCode() < 500 && api.getStatusCode() != 408 && api.getStatusCode() != 429;
        if (!state.mayBeBilled() || cause instanceof InferenceJobFailedException || refused
                || cause instanceof IllegalArgumentException) {
            return null;
        }
        return state;
    }
}
