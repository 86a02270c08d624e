package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The prediction of one document, e-mail or comment: labels (most probable first), entities, label properties; the
 * comment's uid for predict-comments; the parsed comment for predict-raw-emails with includeComments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommsMiningPrediction(String uid, List<PredictedLabel> labels, List<Entity> entities,
                                   List<LabelProperty> labelProperties, CommsMiningComment comment) {

    /** The most probable label, or null. */
    @JsonIgnore
    public PredictedLabel topLabel() {
        PredictedLabel top = null;
        for (PredictedLabel l : labels == null ? List.<PredictedLabel>of() : labels) {
            if (top == null || l.probability() > top.probability()) {
                top = l;
            }
        }
        return top;
    }
}
