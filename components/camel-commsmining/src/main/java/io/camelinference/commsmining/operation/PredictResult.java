package io.camelinference.commsmining.operation;

import java.util.List;

import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.ModelInfo;

/**
 * The predictions of one message, in the order of its documents, and the model that made them.
 *
 * @param single whether the message was one document (its body becomes the one prediction)
 */
public record PredictResult(List<CommsMiningPrediction> predictions, ModelInfo model, boolean single) {
}
