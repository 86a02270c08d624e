package io.camelinference.annolab;

import io.camelinference.common.operation.UriOperation;

/** What an {@code annolab:} endpoint does; URIs and the operation header use the kebab-case names. */
public enum AnnoLabOperation implements UriOperation {
    /**
     * Annotate a document (created as a source first) or a list of source ids: run the model, wait for the job and,
     * with fetchResults, export, download and read the annotations. Resumable per message.
     */
    infer,
    /** Check an inference job by its id. */
    status,
    /** Create a source from a document (text, or PDF through the signed upload URL) and return it. */
    createSource,
    /** Export a project's annotations (optionally filtered), wait for it and return the records or the zip file. */
    export;

    /** The URI names, for the endpoint's metadata. */
    public static final String NAMES = "infer,status,create-source,export";

    @Override
    public String toString() {
        return uriName();
    }
}
