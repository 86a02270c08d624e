package io.camelinference.deepomatic;

import io.camelinference.common.error.InferenceException;

/**
 * The billed inference request of an image was sent before and its answer was lost (a crash, a dropped connection, a
 * server error), so whether Deepomatic created (and billed) a task for it is unknown: Deepomatic finds tasks only by
 * their id. The component does not send the image again blindly; the message says how to submit it again on purpose.
 * Redeliveries of the same message are refused the same way until its stored state expires (jobStateTtl).
 */
public class DeepomaticOutcomeUnknownException extends InferenceException {

    private final String image;

    public DeepomaticOutcomeUnknownException(String image, String message) {
        super("deepomatic", message);
        this.image = image;
    }

    /** The image whose earlier submission has an unknown outcome: its file name, URL, or {@code data:}. */
    public String getImage() {
        return image;
    }
}
