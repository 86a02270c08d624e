package io.camelinference.labelstudio.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;

/**
 * Adds what Label Studio checks to its validation refusals. Its error envelope puts "Validation error" in
 * {@code detail} and the field errors under {@code validation_errors}, which the engine's error reading does not look
 * at; so a 400 of a call that Label Studio validates says what that call is checked for.
 */
final class Refusals {

    static final String PROJECT = "Label Studio checks the label_config: XML whose root is View, unique tag names, and"
            + " every toName naming an object tag (Image, Text, ...)";
    static final String IMPORT = "Label Studio checks every task: a JSON object whose data has each field the label"
            + " config reads (value=\"$text\" needs a text field); files must be .json, .csv, .tsv or .txt";
    static final String PREDICTION = "Label Studio checks the task (it must exist) and the result (a list of regions)";

    private Refusals() {
    }

    static <T> CompletableFuture<T> explain(CompletableFuture<T> call, String hint) {
        return call.handle((value, error) -> {
            if (error == null) {
                return value;
            }
            Throwable cause = Failures.cause(error);
            if (cause instanceof InferenceApiException api && api.getStatusCode() == 400) {
                String said = api.getProviderMessage() == null ? "refused" : api.getProviderMessage();
                throw new InferenceApiException(api.getProvider(), api.getOperation(), 400, said + " (" + hint + ")",
                        api.getRequestId());
            }
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        });
    }

    /** What Label Studio does before it accepts an ML backend. */
    static String backend(String url) {
        return "before it accepts an ML backend, Label Studio calls GET " + url + "/health (within 1 s) and POST " + url
                + "/setup (within 3 s): the URL must be reachable from the Label Studio server, answer both, and"
                + " match its Basic auth settings";
    }
}
