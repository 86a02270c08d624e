package io.camelinference.annolab.operation;

import java.time.Duration;
import java.util.Set;

import io.camelinference.annolab.operation.InferState.Phase;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceOutcomeUnknownException;
import io.camelinference.common.error.InferenceJobFailedException;

import static io.camelinference.annolab.operation.SourceSteps.PROVIDER;

/**
 * What the infer chain does after a failed step, decided by the step it was at (the state's phase says which call
 * failed) and the kind of failure, never by the text of an error:
 * <ul>
 * <li>{@link #recover}: go on in this run from an earlier step. A lost answer to the source's creation: look the name
 * up. A 404 for the remembered export: the step before (export again); for the remembered job: the step before (submit
 * afresh); for the remembered sources: the start.</li>
 * <li>{@link #keepAfterFailure}: what the next attempt of the message resumes from.</li>
 * </ul>
 */
final class InferRecovery {

    private final Set<Long> known;
    private final long jobStateTtl;

    /**
     * @param known       the sources this run created or checked
     * @param jobStateTtl how long a claim is kept (jobStateTtl), counted from the claim
     */
    InferRecovery(Set<Long> known, long jobStateTtl) {
        this.known = known;
        this.jobStateTtl = jobStateTtl;
    }

    InferState recover(InferState state, Throwable error) {
        boolean notFound = Outcomes.notFound(error);
        return switch (state.phase()) {
            // the source may exist: the next step looks its name up before creating it again
            case CREATING_SOURCE -> Outcomes.unknown(error) ? state : null;
            // the job was refused for sources this run has not seen: are they still there?
            case SUBMITTING_JOB -> notFound && state.ownsSources() && !known.containsAll(state.sourceIds())
                    ? state.at(Phase.CHECKING_SOURCES) : null;
            case CHECKING_SOURCES -> notFound ? InferState.start() : null;
            case JOB_STARTED -> notFound ? state.withoutJob() : null;
            // exports are free: one that could not be started, that failed, or that the service forgot, is started
            // again (no new job)
            case JOB_FINISHED, STARTING_EXPORT -> Outcomes.unknown(error) || Outcomes.refused(error)
                    ? state.withoutExport() : null;
            case EXPORT_STARTED -> notFound || Failures.cause(error) instanceof InferenceJobFailedException
                    ? state.withoutExport() : null;
            // the zip could not be downloaded or read (cut short, garbled): download it again
            case EXPORT_FINISHED -> notFound ? state.withoutExport()
                    : Failures.cause(error) instanceof java.io.UncheckedIOException || Outcomes.unknown(error)
                    ? state : null;
            default -> null;
        };
    }

    InferState keepAfterFailure(InferState state, Throwable error) {
        Throwable cause = Failures.cause(error);
        return switch (state.phase()) {
            case NEW -> null;
            // refused: nothing was created; otherwise the next attempt looks the name up first
            case CREATING_SOURCE -> Outcomes.refused(cause) ? null : state;
            case CHECKING_SOURCES, SOURCES_CREATED, EXPORT_FINISHED -> state;
            // refused: nothing billed, the sources are reused; otherwise the outcome is unknown: never re-sent
            case SUBMITTING_JOB -> Outcomes.refused(cause) ? state.at(Phase.SOURCES_CREATED) : claimUntilExpired(state);
            // an errored job: the next attempt runs the model again on the same sources; else it waits on
            case JOB_STARTED -> cause instanceof InferenceJobFailedException ? state.withoutJob() : state;
            // exports are free: a failed or lost one is started again, no new job
            case JOB_FINISHED, STARTING_EXPORT -> state.withoutExport();
            // an errored export: exported again; else (a timeout, a stop) the next attempt waits on
            case EXPORT_STARTED -> cause instanceof InferenceJobFailedException ? state.withoutExport() : state;
        };
    }

    /** The claim stays for jobStateTtl from when it was made, however often the message comes back. */
    private InferState claimUntilExpired(InferState state) {
        boolean expired = state.claimedAt() != null && System.currentTimeMillis() - state.claimedAt() > jobStateTtl;
        return expired ? null : state;
    }

    /** The billed job's answer was lost just now: the first attempt says so, as later ones will. */
    InferenceOutcomeUnknownException answerLost(InferState state, Throwable cause) {
        return new InferenceOutcomeUnknownException(PROVIDER, "sources " + state.sourceIds(), "The answer to the"
                + " billed POST /v1/infer/batch for sources " + state.sourceIds() + " was lost (" + cause.getMessage()
                + "): the outcome is unknown and the sources may already be billed. AnnoLab finds a job only by its id,"
                + " so it is not sent again. To run the model on purpose, send the message with a new"
                + " CamelAnnoLabJobKey", cause);
    }

    /** Why a message whose billed call may have been made is not sent again. */
    InferenceOutcomeUnknownException outcomeUnknown(InferState state) {
        return new InferenceOutcomeUnknownException(PROVIDER, "sources " + state.sourceIds(), "The billed POST /v1/infer/batch for sources " + state.sourceIds()
                + " was sent for this message before, but its answer never arrived (lost in transit, or the"
                + " application stopped): the outcome is unknown and the sources may already be billed. AnnoLab finds a"
                + " job only by its id, so it is not sent again. To run the model on purpose, send the message with a"
                + " new CamelAnnoLabJobKey; this message keeps failing this way until its stored state expires"
                + " (jobStateTtl " + Duration.ofMillis(jobStateTtl) + " after the claim)");
    }
}
