package io.camelinference.deepomatic;

import io.camelinference.common.component.InferenceComponentSupport;

/** What a {@code deepomatic:} endpoint does; URIs use the kebab-case names ({@code create-spec}). */
public enum DeepomaticOperation {
    /** Recognise one image (or each image of a List) with a recognition specification, waiting for its task. */
    INFERENCE,
    /** List recognition specifications: your own, or the public ones with publicSpec=true. */
    SPECS,
    /** Get one recognition specification. */
    SPEC,
    /** Create a private recognition specification from the body. */
    CREATE_SPEC,
    /** Change the name, metadata or current_version_id of a private specification. */
    UPDATE_SPEC,
    /** Delete a private specification. */
    DELETE_SPEC,
    /** Get one task by its id. */
    TASK,
    /** Get many tasks by their ids in one request. */
    TASKS;

    /** The URI names, comma-separated, for the endpoint metadata. */
    public static final String NAMES = "inference,specs,spec,create-spec,update-spec,delete-spec,task,tasks";

    public String uriName() {
        return InferenceComponentSupport.uriName(this);
    }

    /** The operation for a URI name ({@code create-spec}) or constant name ({@code CREATE_SPEC}). */
    public static DeepomaticOperation of(String name) {
        return InferenceComponentSupport.parseOperation(DeepomaticOperation.class, "deepomatic", name);
    }
}
