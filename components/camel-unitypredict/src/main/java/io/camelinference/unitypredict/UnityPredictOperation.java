package io.camelinference.unitypredict;

/** What a {@code unitypredict:} endpoint does. */
public enum UnityPredictOperation {
    /** Run a model on the message's inputs (uploading file inputs), wait for it and download its output files. */
    predict,
    /** Check a request by its id, for routes that poll themselves ({@code waitForCompletion=false}). */
    status,
    /** Download one output file of a request. */
    download
}
