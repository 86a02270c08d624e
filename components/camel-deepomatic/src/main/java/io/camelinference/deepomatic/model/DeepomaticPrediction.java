package io.camelinference.deepomatic.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One label of an inference output: predicted when {@code score >= threshold}, discarded otherwise. {@code roi} is set
 * only by specifications whose output has {@code roi: BBOX} (detectors).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeepomaticPrediction(
        @JsonProperty("label_id") Integer labelId,
        @JsonProperty("label_name") String labelName,
        Double score,
        Double threshold,
        DeepomaticRoi roi) {
}
