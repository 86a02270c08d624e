package io.camelinference.unitypredict.operation;

/**
 * How far a prediction got, as stored for its message.
 *
 * @param requestId the request id, once known
 * @param phase     {@link Phase}
 * @param lostAnswers how often the billed predict's answer was lost and the service asked about it
 * @param landsBy   in SUBMITTING, when (epoch milliseconds) a predict sent in this state can no longer reach the
 *                  service: until then "never predicted" may only mean "not arrived yet" (0: already)
 */
public record PredictState(String requestId, Phase phase, int lostAnswers, long landsBy) {

    /** The steps of a prediction. */
    public enum Phase {
        /** Nothing sent yet. */
        NEW,
        /** initialize gave the request id; nothing billed yet. */
        INITIALIZED,
        /** The billed predict was (about to be) sent; its outcome is to be asked for, not assumed. */
        SUBMITTING,
        /** The service accepted the job and is processing it. */
        ACCEPTED
    }

    static PredictState start() {
        return new PredictState(null, Phase.NEW, 0, 0);
    }

    PredictState(String requestId, Phase phase) {
        this(requestId, phase, 0, 0);
    }

    PredictState at(Phase next) {
        return new PredictState(requestId, next, lostAnswers, landsBy);
    }

    /** The billed predict is about to be sent; if this process dies, it may still arrive until {@code landsBy}. */
    PredictState submitting(long landsBy) {
        return new PredictState(requestId, Phase.SUBMITTING, lostAnswers, landsBy);
    }

    /** The billed call's answer was lost (its attempt is over): ask the service about the request. */
    PredictState answerLost() {
        return new PredictState(requestId, Phase.SUBMITTING, lostAnswers + 1, 0);
    }

    /** Whether a billed call may have been made in this state. */
    boolean mayBeBilled() {
        return phase == Phase.SUBMITTING || phase == Phase.ACCEPTED;
    }
}
