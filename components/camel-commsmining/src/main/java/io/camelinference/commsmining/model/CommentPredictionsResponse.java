package io.camelinference.commsmining.model;

import java.util.List;

/** The answer of predict-comments: a prediction per uid, and the model. */
public record CommentPredictionsResponse(String status, List<CommsMiningPrediction> predictions, ModelInfo model) {
}
