package io.camelinference.deepomatic.operation;

import java.util.List;

import io.camelinference.common.operation.Operation;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.model.DeepomaticVersion;
import io.camelinference.deepomatic.operation.SpecOperations.SpecRef;

/**
 * The recognition version operations: versions, spec-versions, version, create-version and delete-version (inference
 * on a version is {@link InferenceOperation}'s).
 */
public final class VersionOperations {

    private final DeepomaticClient client;

    public VersionOperations(DeepomaticClient client) {
        this.client = client;
    }

    /** {@code versions}: all your versions, every page. */
    public Operation<Void, List<DeepomaticVersion>> list() {
        return none -> client.versions();
    }

    /** {@code spec-versions}: the versions of one specification, every page. */
    public Operation<SpecRef, List<DeepomaticVersion>> ofSpec() {
        return ref -> client.specVersions(ref.specId(), ref.isPublic());
    }

    public Operation<String, DeepomaticVersion> get() {
        return client::version;
    }

    /** {@code create-version}: the body is a DeepomaticVersion or a Map with spec_id, network_id, post_processings. */
    public Operation<Object, DeepomaticVersion> create() {
        return client::createVersion;
    }

    /** {@code delete-version}: completes with the deleted version's id. */
    public Operation<String, String> delete() {
        return versionId -> client.deleteVersion(versionId).thenApply(deleted -> versionId);
    }
}
