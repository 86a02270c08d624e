package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How well a model version performs, as the service's Validation page shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommsMiningValidation(Integer version, Double meanAveragePrecisionSafe, Integer numLabels,
                                    List<Label> labels, Integer numReviewedComments, Integer numAmberLabels,
                                    Integer numRedLabels, Integer datasetScore, String datasetQuality, Double balance,
                                    String balanceQuality, Double coverage, String coverageQuality,
                                    String allLabelsQuality, String underperformingLabelsQuality) {

    /** A label of the taxonomy: {@code Parent > Child} and its levels. */
    public record Label(String name, List<String> parts) {
    }

    /** The envelope of the answer. */
    public record Response(String status, CommsMiningValidation validation) {
    }
}
