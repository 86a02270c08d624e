package io.camelinference.deepomatic;

import io.camelinference.common.operation.UriOperation;

/** What a {@code deepomatic:} endpoint does; URIs and the operation header use the kebab-case names. */
public enum DeepomaticOperation implements UriOperation {
    /** Recognise one image (or each image of a List) with a recognition specification, waiting for its task. */
    inference,
    /** List recognition specifications: your own, or the public ones with publicSpec=true. */
    specs,
    /** Get one recognition specification. */
    spec,
    /** Create a private recognition specification from the body. */
    createSpec,
    /** Change the name, metadata or current_version_id of a private specification. */
    updateSpec,
    /** Delete a private specification. */
    deleteSpec,
    /** Get one task by its id. */
    task,
    /** Get many tasks by their ids in one request. */
    tasks;

    /** The URI names, for the endpoint's metadata. */
    public static final String NAMES = "inference,specs,spec,create-spec,update-spec,delete-spec,task,tasks";

    @Override
    public String toString() {
        return uriName();
    }
}
