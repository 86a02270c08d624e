package io.camelinference.deepomatic.operation;

import java.util.List;

import io.camelinference.common.operation.Operation;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.model.DeepomaticSpec;

/** The recognition specification operations: specs, spec, create-spec, update-spec and delete-spec. */
public final class SpecOperations {

    /**
     * One specification, as a binding read it.
     *
     * @param specId   its id
     * @param isPublic whether it is a public one
     */
    public record SpecRef(String specId, boolean isPublic) {
    }

    /**
     * Changes to a private specification.
     *
     * @param specId  its id
     * @param changes name, metadata or current_version_id: a DeepomaticSpec or a Map
     */
    public record SpecChange(String specId, Object changes) {
    }

    private final DeepomaticClient client;

    public SpecOperations(DeepomaticClient client) {
        this.client = client;
    }

    /** {@code specs}: the public specifications (true) or your own (false), every page. */
    public Operation<Boolean, List<DeepomaticSpec>> list() {
        return client::specs;
    }

    public Operation<SpecRef, DeepomaticSpec> get() {
        return ref -> client.spec(ref.specId(), ref.isPublic());
    }

    /** {@code create-spec}: the body is a DeepomaticSpec or a Map with name and outputs. */
    public Operation<Object, DeepomaticSpec> create() {
        return client::createSpec;
    }

    public Operation<SpecChange, DeepomaticSpec> update() {
        return change -> client.updateSpec(change.specId(), change.changes());
    }

    /** {@code delete-spec}: completes with the deleted specification's id. */
    public Operation<String, String> delete() {
        return specId -> client.deleteSpec(specId).thenApply(deleted -> specId);
    }
}
