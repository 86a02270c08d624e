package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer of predict and predict-raw-emails: per document, in request order, its labels and entities; label
 * properties (per document, or one list when the service sends one); the model; the parsed comments when asked for.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PredictResponse(String status, List<List<PredictedLabel>> predictions, List<List<Entity>> entities,
                              JsonNode labelProperties, ModelInfo model, List<CommsMiningComment> comments) {
}
