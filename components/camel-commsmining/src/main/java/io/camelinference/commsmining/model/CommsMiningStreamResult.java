package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One comment of a stream: the comment, its sequence id, and the labels (by the stream's model version and label
 * thresholds) and entities when the stream has a model.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommsMiningStreamResult(CommsMiningComment comment, String sequenceId, List<PredictedLabel> labels,
                                      List<Entity> entities) {
}
