package io.camelinference.deepomatic.operation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelinference.common.body.RequestBody;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceOutcomeUnknownException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.job.Checkpoint;
import io.camelinference.common.job.JobChain;
import io.camelinference.common.job.Step;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.common.time.Deadline;
import io.camelinference.deepomatic.DeepomaticConstants;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.model.DeepomaticOutput;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.deepomatic.model.DeepomaticTask;
import io.camelinference.deepomatic.model.TaskCreated;
import io.camelinference.deepomatic.operation.InferenceState.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inference of one image as a resumable chain: NEW, then SUBMITTING (stored before the billed POST), then
 * ACCEPTED with the task id (stored before waiting), then done. A task the service no longer knows (404, or left out of
 * the batch answer) is submitted afresh. A message that comes back in SUBMITTING is refused: Deepomatic cannot be asked
 * whether that POST created a task, so sending it again could pay twice (see {@link InferenceOutcomeUnknownException}).
 */
final class InferenceChain implements JobChain<InferenceState, DeepomaticResult> {

    static final String PROVIDER = "deepomatic";
    private static final Logger LOG = LoggerFactory.getLogger(InferenceChain.class);

    private final InferenceCall call;
    private final int index;
    private final ImageInput image;
    private final DeepomaticClient client;
    private final TaskChecks checks;
    private final JobPoller poller;
    private final PollSchedule schedule;
    private final Siblings siblings;
    private final Path spoolDirectory;
    private final Duration stateTtl;
    private final Deadline deadline;

    InferenceChain(InferenceCall call, int index, InferenceOperation.Context context, Siblings siblings) {
        this.call = call;
        this.index = index;
        this.image = call.images().get(index);
        this.client = context.client();
        this.checks = context.checks();
        this.poller = context.poller();
        this.schedule = context.schedule();
        this.spoolDirectory = context.spoolDirectory();
        this.stateTtl = context.stateTtl();
        this.siblings = siblings;
        this.deadline = Deadline.in(schedule.waitTimeout());
    }

    @Override
    public InferenceState initial() {
        return InferenceState.start();
    }

    @Override
    public CompletableFuture<Step<InferenceState, DeepomaticResult>> advance(InferenceState state,
                                                                           Checkpoint<InferenceState> checkpoint) {
        return switch (state.phase()) {
            case NEW -> submit(checkpoint);
            case SUBMITTING -> {
                if (state.claimedAt() != null && System.currentTimeMillis() - state.claimedAt() > stateTtl.toMillis()) {
                    LOG.warn("deepomatic: the unknown outcome of {}{} expired (jobStateTtl); submitting it afresh",
                            image.name(), where());
                    yield CompletableFuture.completedFuture(Step.next(InferenceState.start()));
                }
                throw outcomeUnknown(state);
            }
            case ACCEPTED -> accepted(state.taskId());
        };
    }

    /** Sends the billed POST, after storing that it is being sent. */
    private CompletableFuture<Step<InferenceState, DeepomaticResult>> submit(Checkpoint<InferenceState> checkpoint) {
        if (call.waitForCompletion() && deadline.passed()) {
            throw new InferenceException(PROVIDER, "deepomatic:inference of " + image.name() + where() + ": waitTimeout "
                    + schedule.waitTimeout().toMillis() + " ms passed before its billed inference request could be"
                    + " sent; nothing was billed. Raise waitTimeout");
        }
        RequestBody body = InferenceRequests.body(image, knownLength(), call.options());
        checkpoint.save(InferenceState.submitting(System.currentTimeMillis()));
        CompletableFuture<TaskCreated> sent = call.versionId() != null ? client.versionInference(call.versionId(), body)
                : client.inference(call.specId(), call.isPublic(), body);
        return sent.handle((created, error) -> {
            if (error != null) {
                Throwable cause = Failures.cause(error);
                if (notReceived(cause)) {
                    throw new CompletionException(cause);
                }
                // the service may have created (and billed) a task whose id never reached us: say so now
                throw new InferenceOutcomeUnknownException(PROVIDER, image.name(), "deepomatic:inference of "
                        + image.name() + where() + ": the answer to its billed inference request was lost ("
                        + cause.getMessage() + "): the outcome is unknown, Deepomatic may have created a task and billed"
                        + " the image. Deepomatic finds a task only by its id, so it is not sent again. To submit it"
                        + " again on purpose, send the message with a new " + DeepomaticConstants.JOB_KEY + " header",
                        cause);
            }
            if (created.taskId() == null || created.taskId().isBlank()) {
                throw new InferenceException(PROVIDER, "Deepomatic accepted the inference of " + image.name() + where()
                        + " but answered no task_id: the image may be billed and its task cannot be found");
            }
            return Step.next(InferenceState.accepted(created.taskId()));
        });
    }

    /** Waits for the task (unless the route does not wait), then for the other images of the message. */
    private CompletableFuture<Step<InferenceState, DeepomaticResult>> accepted(String taskId) {
        call.taskIds().set(index, taskId);
        CompletableFuture<DeepomaticResult> result = call.waitForCompletion()
                // learns the spec's task durations; other tasks' batch requests with room bring answers along
                ? poller.await(taskId, schedule, deadline, d -> checks.check(taskId, d), "inference:" + call.specId(),
                        checks.feed()).thenApply(task -> result(taskId, task.status(), task.outputs()))
                : CompletableFuture.completedFuture(result(taskId, DeepomaticTask.PENDING, List.of()));
        return result.thenCompose(done -> siblings.succeeded(index).thenApply(all -> Step.done(done)));
    }

    private DeepomaticResult result(String taskId, String status, List<DeepomaticOutput> outputs) {
        return new DeepomaticResult(image.name(), call.specId(), call.versionId(), taskId, status, outputs);
    }

    /**
     * The content with a known length: a stream's copy, made by {@link InferenceOperation} (which refused an empty one)
     * before any chain started; the same copy again on a resubmission.
     */
    private UploadSource knownLength() {
        return image.upload() == null ? null : image.upload().withKnownLength(spoolDirectory);
    }

    /** Deletes the spooled copy of a stream, if one was made, even when this chain never needed it (resumed). */
    void release() {
        InferenceOperation.release(image);
    }

    /** A task the service no longer knows (purged, or the service was reset) is submitted afresh. */
    @Override
    public InferenceState recover(InferenceState state, Throwable error) {
        if (state.phase() == Phase.ACCEPTED && Failures.isStatus(error, 404)) {
            LOG.warn("deepomatic task {} of {}{} is unknown to the service (purged, or the service was reset);"
                    + " submitting the image afresh", state.taskId(), image.name(), where());
            return InferenceState.start();
        }
        return null;
    }

    /**
     * Nothing billed, or a task that ended in error: forget the image. A POST the service may have received (5xx,
     * dropped connection, lost answer) stays SUBMITTING, so later attempts are refused instead of paying twice; an
     * accepted task (timed out, cancelled, or a sibling failed) is kept, so the next attempt waits for it again.
     */
    @Override
    public InferenceState keepAfterFailure(InferenceState state, Throwable error) {
        Throwable cause = Failures.cause(error);
        return switch (state.phase()) {
            case NEW -> null;
            case SUBMITTING -> notReceived(cause) ? null
                    : state.claimedAt() != null ? state : InferenceState.submitting(System.currentTimeMillis());
            case ACCEPTED -> cause instanceof InferenceJobFailedException ? null : state;
        };
    }

    /** Whether the failure shows that the service did not process the POST (so nothing was billed). */
    private static boolean notReceived(Throwable cause) {
        return cause instanceof IllegalArgumentException
                || (cause instanceof InferenceApiException api && ((api.getStatusCode() >= 400 && api.getStatusCode() < 500)
                        || api.getStatusCode() == 503))
                || (cause instanceof InferenceTransportException t && !t.isMaybeReceived());
    }

    private InferenceOutcomeUnknownException outcomeUnknown(InferenceState state) {
        String sent = state.claimedAt() == null ? "earlier" : "at " + Instant.ofEpochMilli(state.claimedAt());
        String until = state.claimedAt() == null ? ""
                : " (at " + Instant.ofEpochMilli(state.claimedAt() + stateTtl.toMillis()) + ")";
        return new InferenceOutcomeUnknownException("deepomatic", image.name(), "deepomatic:inference of " + image.name() + where()
                + ": its billed inference request was sent " + sent + " and the answer was lost (a crash, a dropped"
                + " connection or a server error). Deepomatic finds a task only by its id, so whether a task was"
                + " created, and the image billed, is unknown: the image may already be billed. It is not sent again"
                + " blindly. To submit it again on purpose, send the message with a new " + DeepomaticConstants.JOB_KEY
                + " header (a file from the file consumer: rename or touch it). Redeliveries of this message are refused"
                + " like this until its stored state expires after jobStateTtl" + until + "; nothing was sent now");
    }

    private String where() {
        return call.single() ? "" : " (image " + index + " of the List)";
    }
}
