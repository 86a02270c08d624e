package io.camelinference.annolab;

import io.camelinference.common.component.InferenceComponentSupport;

/** What an {@code annolab:} endpoint does; the URI uses the kebab-case names. */
public enum AnnoLabOperation {
    /**
     * Annotate a document (created as a source first) or a list of source ids: run the model, wait for the job and,
     * with fetchResults, export, download and read the annotations.
     */
    infer("infer"),
    /** Check an inference job by its id. */
    status("status"),
    /** Create a source from a document (text, or PDF through the signed upload URL) and return it. */
    createSource("create-source"),
    /** Export a project's annotations (optionally filtered), wait for it and return the records or the zip file. */
    export("export");

    private final String uriName;

    AnnoLabOperation(String uriName) {
        this.uriName = uriName;
    }

    /** The name used in URIs and the operation header, e.g. {@code create-source}. */
    public String uriName() {
        return uriName;
    }

    @Override
    public String toString() {
        return uriName;
    }

    /** Parses a URI name ({@code create-source}) or the constant's name ({@code createSource}). */
    public static AnnoLabOperation fromUri(String name) {
        return InferenceComponentSupport.parseOperation(AnnoLabOperation.class, "annolab", name == null ? null : name.strip());
    }
}
