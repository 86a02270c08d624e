package io.camelinference.annolab;

import io.camelinference.common.operation.UriOperation;

/**
 * What an {@code annolab:} endpoint does; URIs and the operation header use the kebab-case names. The README lists
 * each beside the official SDK call it replaces.
 */
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
    /** Export a project (optionally filtered), wait for it and return the records or the zip file. */
    export,
    /** Create a project (in the key's own group unless groupName is set). */
    createProject,
    /** Read a project by id or name. */
    getProject,
    /** List the projects of the group (of all the key's groups when groupName is not set). */
    listProjects,
    /** Read the API key's groups and its default owner. */
    apiKeyInfo,
    /** Create a directory in a project. */
    createDirectory,
    /** Read a source, with its text, by id or by its name in a directory. */
    getSource,
    /** Delete a source, with its annotations, by id or by its name in a directory. */
    deleteSource,
    /** Create annotations, and relations between them, on one source. */
    createAnnotations,
    /** Create annotations on any sources of a project, in requests of at most bulkSize. */
    bulkCreateAnnotations,
    /** Import an export's annotations and relations into a project's sources (or onto one source). */
    importAnnotations,
    /** Create an annotation layer. */
    createLayer,
    /** Create an annotation type (of annotations, relations or document classifications). */
    createAnnotationType,
    /** Create relations between existing annotations, one request each. */
    createRelations,
    /** Create relations between existing annotations, in requests of at most bulkSize. */
    bulkCreateRelations;

    /** The URI names, for the endpoint's metadata. */
    public static final String NAMES = "infer,status,create-source,export,create-project,get-project,list-projects,"
            + "api-key-info,create-directory,get-source,delete-source,create-annotations,bulk-create-annotations,"
            + "import-annotations,create-layer,create-annotation-type,create-relations,bulk-create-relations";

    @Override
    public String toString() {
        return uriName();
    }
}
