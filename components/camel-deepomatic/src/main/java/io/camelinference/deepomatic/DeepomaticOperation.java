package io.camelinference.deepomatic;

import io.camelinference.common.operation.UriOperation;

/** What a {@code deepomatic:} endpoint does; URIs and the operation header use the kebab-case names. */
public enum DeepomaticOperation implements UriOperation {
    /** Recognise one image (or each image of a List) with a specification or a version, waiting for its task. */
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
    tasks,
    /** List the recognition versions of one specification. */
    specVersions,
    /** List all your recognition versions. */
    versions,
    /** Get one recognition version. */
    version,
    /** Create a recognition version (a specification on a network) from the body. */
    createVersion,
    /** Delete a recognition version. */
    deleteVersion,
    /** List neural networks: your own, or the public ones with publicNetwork=true. */
    networks,
    /** Get one neural network. */
    network,
    /** Upload a neural network (its fields and model files) from the body. */
    createNetwork,
    /** Change the name, description or metadata of one of your networks. */
    updateNetwork,
    /** Delete one of your networks. */
    deleteNetwork,
    /** Get the account the API key belongs to. */
    account;

    /** The URI names, for the endpoint's metadata. */
    public static final String NAMES = "inference,specs,spec,create-spec,update-spec,delete-spec,task,tasks,"
            + "spec-versions,versions,version,create-version,delete-version,networks,network,create-network,"
            + "update-network,delete-network,account";

    @Override
    public String toString() {
        return uriName();
    }
}
