package io.camelinference.deepomatic.model;

import java.util.List;

/** One output of an inference, lined up with the specification's {@code outputs[i]}. */
public record DeepomaticOutput(Labels labels) {

    /** Predicted labels (sorted by score, highest first) and discarded ones (only with showDiscarded). */
    public record Labels(List<DeepomaticPrediction> predicted, List<DeepomaticPrediction> discarded) {

        public Labels {
            predicted = predicted == null ? List.of() : predicted;
            discarded = discarded == null ? List.of() : discarded;
        }
    }
}
