package io.camelinference.labelstudio;

/** How the ML-backend consumer answers Label Studio's {@code /predict}. */
public enum PredictMode {
    /** Runs the route for every task and answers with all predictions, as a Label Studio ML backend does. */
    sync,
    /**
     * Answers at once with no predictions, then stores each task's prediction through Label Studio's API as its route
     * finishes: no limit on how long the model may take, or how many tasks a request has.
     */
    async
}
