package io.camelinference.labelstudio.operation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.camelinference.common.operation.Operation;
import io.camelinference.labelstudio.client.LabelStudioClient;
import io.camelinference.labelstudio.model.Prediction;
import io.camelinference.labelstudio.model.PredictionRequest;

/** The prediction operations: create, list, get, update, delete, and retrieving them from the project's backend. */
public final class PredictionOperations {

    private final LabelStudioClient client;

    public PredictionOperations(LabelStudioClient client) {
        this.client = client;
    }

    public Operation<PredictionRequest, Prediction> create() {
        return client::createPrediction;
    }

    public Operation<PredictionQuery, List<Prediction>> list() {
        return q -> client.listPredictions(q.projectId(), q.taskId());
    }

    public Operation<Long, Prediction> get() {
        return client::getPrediction;
    }

    public Operation<Update, Prediction> update() {
        return u -> client.updatePrediction(u.id(), u.fields());
    }

    public Operation<Long, Void> delete() {
        return client::deletePrediction;
    }

    /** Runs the action, then counts the predictions the selected tasks have: the action's own count says nothing. */
    public Operation<RetrieveCall, RetrieveResult> retrieve() {
        return call -> client.retrievePredictions(call.projectId(), call.taskIds())
                .thenCompose(action -> client.listPredictions(call.projectId(), null).thenApply(stored -> {
                    Set<Long> selected = new HashSet<>(call.taskIds());
                    int count = (int) stored.stream()
                            .filter(p -> selected.isEmpty() || selected.contains(p.task())).count();
                    return new RetrieveResult(action, count);
                }));
    }
}
