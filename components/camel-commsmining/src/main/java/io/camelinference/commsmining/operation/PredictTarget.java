package io.camelinference.commsmining.operation;

/**
 * Which model answers: the dataset (project and name) and the model version (a number, live, staging or latest).
 */
public record PredictTarget(String project, String dataset, String modelVersion) {
}
