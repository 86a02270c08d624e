package io.camelinference.common.operation;

import org.apache.camel.Message;

/**
 * The best label of a classifying answer and its score, as the two headers a component sets for it
 * ({@code Camel<Service>TopLabel} and {@code Camel<Service>TopScore}). Headers are what a route reads most simply:
 * {@code ${header.CamelDeepomaticTopLabel}} in any DSL needs nothing but Camel's core (no bean language, no knowledge
 * of the result's shape), and headers stay when the body is marshalled to JSON or written to a file. Which field is the
 * label is the component's business; setting (or clearing) the pair is this class's.
 *
 * @param label the label as text (a class name, a Boolean or a number as the service gave it)
 * @param score its score or probability, or null when the service gave none
 */
public record TopLabel(String label, Double score) {

    /** The label and score, or null when there is no label. */
    public static TopLabel of(Object label, Number score) {
        return label == null ? null : new TopLabel(label.toString(), score == null ? null : score.doubleValue());
    }

    /**
     * Sets both headers; removes both when there is no label (or no score), so the label of an earlier call on the same
     * message never passes for this answer's.
     */
    public static void write(Message message, String labelHeader, String scoreHeader, TopLabel top) {
        if (top == null) {
            message.removeHeader(labelHeader);
            message.removeHeader(scoreHeader);
            return;
        }
        message.setHeader(labelHeader, top.label());
        if (top.score() != null) {
            message.setHeader(scoreHeader, top.score());
        } else {
            message.removeHeader(scoreHeader);
        }
    }
}
