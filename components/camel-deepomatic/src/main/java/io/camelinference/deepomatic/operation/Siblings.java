package io.camelinference.deepomatic.operation;

import java.util.concurrent.CompletableFuture;

import io.camelinference.common.error.Failures;

/**
 * The images of one message finish together. An image whose task succeeded waits here for the others; when one of
 * them fails, the succeeded ones fail too (with {@link SiblingFailedException}) and keep their stored task, so that a
 * redelivery of the message waits for those tasks again instead of paying for them a second time.
 */
final class Siblings {

    private final boolean[] arrived;
    private final CompletableFuture<Void> all = new CompletableFuture<>();
    private int succeeded;

    Siblings(int images) {
        this.arrived = new boolean[images];
    }

    /** The image's task succeeded; completes when every image's did, fails as soon as one image failed. */
    CompletableFuture<Void> succeeded(int index) {
        boolean last;
        synchronized (this) {
            if (!arrived[index]) {
                arrived[index] = true;
                succeeded++;
            }
            last = succeeded == arrived.length;
        }
        if (last) {
            all.complete(null);
        }
        return all;
    }

    /** The image failed for good (its chain gave up). */
    void failed(int index, Throwable error) {
        Throwable cause = Failures.cause(error);
        if (!(cause instanceof SiblingFailedException)) {
            all.completeExceptionally(new SiblingFailedException(index, cause));
        }
    }
}
