package io.camelinference.labelstudio;

import io.camelinference.common.operation.UriOperation;

/** What a {@code labelstudio:} endpoint does; URIs and the operation header use the kebab-case names. */
public enum LabelStudioOperation implements UriOperation {
    /** The ML backends of a project (Label Studio calls each one to update its state). */
    listBackends,
    /** Connects an ML backend to a project; Label Studio checks it first (health, then setup). */
    createBackend,
    /** One ML backend, its state freshly updated. */
    getBackend,
    /** Changes an ML backend (checked again). */
    updateBackend,
    /** Disconnects an ML backend. */
    deleteBackend,
    /** Starts training: Label Studio sends the backend its START_TRAINING webhook. */
    train,
    /** Asks an interactive backend for one task's pre-annotation, with a context. */
    interactiveAnnotating,
    /** The model versions of an ML backend. */
    backendVersions,
    /** Every project. */
    listProjects,
    /** One project. */
    getProject,
    /** Creates a project with a label config. */
    createProject,
    /** Imports tasks: a List of tasks, one task as a Map, or a JSON, CSV, TSV or TXT file (streamed). */
    importTasks,
    /** Every task of a project, with annotations and predictions. */
    listTasks,
    /** Exports a project's tasks and annotations to a file. */
    export,
    /** Stores a prediction for a task. */
    createPrediction,
    /** The predictions of a project or a task. */
    listPredictions,
    /** One prediction. */
    getPrediction,
    /** Changes a prediction. */
    updatePrediction,
    /** Deletes a prediction. */
    deletePrediction,
    /** Has Label Studio ask the project's ML backend for predictions of some or all tasks, and store them. */
    retrievePredictions,
    /** Consumer only: serves the ML-backend protocol, so that Label Studio calls the route for predictions. */
    mlBackend;

    /** The URI names, for the endpoint's metadata. */
    public static final String NAMES = "list-backends,create-backend,get-backend,update-backend,delete-backend,train,"
            + "interactive-annotating,backend-versions,list-projects,get-project,create-project,import-tasks,list-tasks,"
            + "export,create-prediction,list-predictions,get-prediction,update-prediction,delete-prediction,"
            + "retrieve-predictions,ml-backend";

    @Override
    public String toString() {
        return uriName();
    }
}
