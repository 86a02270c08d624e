package io.camelinference.unitypredict;

import io.camelinference.common.operation.UriOperation;

/** What a {@code unitypredict:} endpoint does; URIs and the operation header use the kebab-case names. */
public enum UnityPredictOperation implements UriOperation {
    /** Run a model on the message's inputs (uploading file inputs), wait for it and download its output files. */
    predict,
    /** Check a request by its id, for routes that poll themselves ({@code waitForCompletion=false}). */
    status,
    /** Download one output file of a request. */
    download,
    /**
     * The consumer: receives the service's CallbackUrl POSTs on the application's HTTP server, one exchange per
     * finished request ({@code from("unitypredict:callback")}).
     */
    callback;

    /** The URI names, for the endpoint's metadata. */
    public static final String NAMES = "predict,status,download,callback";

    @Override
    public String toString() {
        return uriName();
    }
}
