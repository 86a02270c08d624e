package io.camelinference.labelstudio.operation;

import java.util.List;

import io.camelinference.common.error.InferenceException;
import io.camelinference.common.operation.Operation;
import io.camelinference.labelstudio.client.LabelStudioClient;
import io.camelinference.labelstudio.model.InteractiveResult;
import io.camelinference.labelstudio.model.MlBackend;
import io.camelinference.labelstudio.model.MlBackendRequest;
import io.camelinference.labelstudio.model.ModelVersions;

/** The ML-backend operations: list, create, get, update, delete, train, interactive annotating, versions. */
public final class BackendOperations {

    private final LabelStudioClient client;

    public BackendOperations(LabelStudioClient client) {
        this.client = client;
    }

    /** By project id. */
    public Operation<Long, List<MlBackend>> list() {
        return client::listBackends;
    }

    public Operation<MlBackendRequest, MlBackend> create() {
        return client::createBackend;
    }

    public Operation<Long, MlBackend> get() {
        return client::getBackend;
    }

    public Operation<Update, MlBackend> update() {
        return u -> client.updateBackend(u.id(), u.fields());
    }

    public Operation<Long, Void> delete() {
        return client::deleteBackend;
    }

    public Operation<Long, Void> train() {
        return id -> client.train(id, null);
    }

    /** Label Studio answers a refusal (e.g. a backend not set to be interactive) with 200 and errors: a failure here. */
    public Operation<Interactive, InteractiveResult> interactive() {
        return call -> client.interactive(call.backendId(), call.taskId(), call.context()).thenApply(result -> {
            if (result.errors() != null && !result.errors().isEmpty()) {
                throw new InferenceException("labelstudio", "Label Studio could not pre-annotate task "
                        + call.taskId() + " with ML backend " + call.backendId() + ": "
                        + String.join("; ", result.errors()));
            }
            return result;
        });
    }

    public Operation<Long, ModelVersions> versions() {
        return client::versions;
    }
}
