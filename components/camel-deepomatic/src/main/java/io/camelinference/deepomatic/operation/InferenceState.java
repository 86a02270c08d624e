package io.camelinference.deepomatic.operation;

/**
 * How far the inference of one image got, as stored for its message (or List element).
 *
 * @param taskId    the task, once the service answered with it
 * @param phase     {@link Phase}
 * @param claimedAt when the billed request was (about to be) sent, epoch milliseconds; set in {@code SUBMITTING}
 */
public record InferenceState(String taskId, Phase phase, Long claimedAt) {

    /** The steps of one image's inference. */
    public enum Phase {
        /** Nothing sent yet. */
        NEW,
        /**
         * The billed inference request was (about to be) sent and its answer has not arrived. Deepomatic finds tasks
         * only by id, so a message resumed here cannot learn whether a task was created: it is refused, not re-sent.
         */
        SUBMITTING,
        /** The service answered with the task id; the task is waited for (or handed to the route). */
        ACCEPTED
    }

    static InferenceState start() {
        return new InferenceState(null, Phase.NEW, null);
    }

    static InferenceState submitting(long now) {
        return new InferenceState(null, Phase.SUBMITTING, now);
    }

    static InferenceState accepted(String taskId) {
        return new InferenceState(taskId, Phase.ACCEPTED, null);
    }
}
