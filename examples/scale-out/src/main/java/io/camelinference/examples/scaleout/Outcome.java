package io.camelinference.examples.scaleout;

/** What became of one document of a batch, as the document route leaves it in the {@link #PROPERTY} property. */
public enum Outcome {
    /** Predicted: the body is the result, sent to the output topic. */
    RESULT,
    /** Failed for good (the service failed the job, bad input, outcome unknown): sent to the failed topic. */
    FAILED,
    /** Already completed (a redelivered copy, or a second record of the same document): nothing to send. */
    SKIPPED,
    /** Another live replica runs its job and will send its result: nothing to send here. */
    LEFT_TO_HOLDER;

    /** The exchange property holding the outcome. */
    public static final String PROPERTY = "ScaleOutOutcome";
    /** The exchange property holding why a document failed. */
    public static final String REASON = "ScaleOutFailure";
    /** The exchange property holding the document's original record value. */
    public static final String ORIGINAL = "ScaleOutOriginal";
}
