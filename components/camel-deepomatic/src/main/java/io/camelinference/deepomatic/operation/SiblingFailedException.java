package io.camelinference.deepomatic.operation;

import io.camelinference.common.error.InferenceException;

/**
 * Another image of the same message failed. Ends the chain of an image whose task succeeded, keeping its state; never
 * the exception a route sees (that is the other image's own failure).
 */
final class SiblingFailedException extends InferenceException {

    SiblingFailedException(int index, Throwable cause) {
        super(InferenceChain.PROVIDER, "image " + index + " of the same message failed (" + cause.getMessage() + ");"
                + " this image's task is kept so that a redelivery does not pay for it again", cause);
    }
}
