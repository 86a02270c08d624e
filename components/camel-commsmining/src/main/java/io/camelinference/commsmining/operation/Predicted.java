package io.camelinference.commsmining.operation;

import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.ModelInfo;

/** One document's prediction and the model of the request it was in (a micro-batch's answer, split per message). */
record Predicted(CommsMiningPrediction prediction, ModelInfo model) {
}
