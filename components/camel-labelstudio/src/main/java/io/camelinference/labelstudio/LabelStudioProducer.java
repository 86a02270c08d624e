package io.camelinference.labelstudio;

import io.camelinference.common.component.InferenceProducer;
import io.camelinference.labelstudio.binding.BackendBindings;
import io.camelinference.labelstudio.binding.PredictionBindings;
import io.camelinference.labelstudio.binding.ProjectBindings;
import io.camelinference.labelstudio.client.LabelStudioClient;
import io.camelinference.labelstudio.operation.BackendOperations;
import io.camelinference.labelstudio.operation.PredictionOperations;
import io.camelinference.labelstudio.operation.ProjectOperations;

import static io.camelinference.labelstudio.LabelStudioOperation.*;

/** Binds each Label Studio operation to the class that carries it out; the engine does the rest. */
final class LabelStudioProducer extends InferenceProducer<LabelStudioOperation> {

    LabelStudioProducer(LabelStudioEndpoint endpoint) {
        super(endpoint, LabelStudioOperation.class, LabelStudioConstants.OPERATION, endpoint.getOperation());
        LabelStudioConfiguration configuration = endpoint.getConfiguration();
        LabelStudioClient client = new LabelStudioClient(http());
        BackendBindings b = new BackendBindings(configuration);
        BackendOperations backends = new BackendOperations(client);
        bind(listBackends, b.list(), backends.list());
        bind(createBackend, b.create(), backends.create());
        bind(getBackend, b.get(), backends.get());
        bind(updateBackend, b.update(), backends.update());
        bind(deleteBackend, b.delete(), backends.delete());
        bind(train, b.train(), backends.train());
        bind(interactiveAnnotating, b.interactive(), backends.interactive());
        bind(backendVersions, b.versions(), backends.versions());
        ProjectBindings p = new ProjectBindings(configuration, runtime().tempDirectory());
        ProjectOperations projects = new ProjectOperations(client, runtime().tempDirectory());
        bind(listProjects, p.list(), projects.list());
        bind(getProject, p.get(), projects.get());
        bind(createProject, p.create(), projects.create());
        bind(importTasks, p.importTasks(), projects.importTasks());
        bind(listTasks, p.listTasks(), projects.listTasks());
        bind(export, p.export(), projects.export());
        PredictionBindings r = new PredictionBindings(configuration);
        PredictionOperations predictions = new PredictionOperations(client);
        bind(createPrediction, r.create(), predictions.create());
        bind(listPredictions, r.list(), predictions.list());
        bind(getPrediction, r.get(), predictions.get());
        bind(updatePrediction, r.update(), predictions.update());
        bind(deletePrediction, r.delete(), predictions.delete());
        bind(retrievePredictions, r.retrieve(), predictions.retrieve());
    }
}
