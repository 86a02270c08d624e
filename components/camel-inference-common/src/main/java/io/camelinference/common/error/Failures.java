package io.camelinference.common.error;

import java.util.concurrent.CompletionException;

/** Reading the failure of an asynchronous step: futures wrap it in {@link CompletionException}s. */
public final class Failures {

    private Failures() {
    }

    /** The failure itself, without the {@link CompletionException}s futures wrapped it in. */
    public static Throwable cause(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Whether the failure is the service answering the given HTTP status (e.g. 404 for an id it no longer knows). */
    public static boolean isStatus(Throwable error, int status) {
        return cause(error) instanceof InferenceApiException api && api.getStatusCode() == status;
    }
}
