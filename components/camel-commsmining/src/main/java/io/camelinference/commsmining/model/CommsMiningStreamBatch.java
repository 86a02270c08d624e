package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One fetch of a stream: the comments, how many the stream's filter left out, the sequence id to advance to once the
 * batch is processed, and whether it reached the current end of the stream.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommsMiningStreamBatch(String status, List<CommsMiningStreamResult> results, int filtered,
                                     String sequenceId,
                                     @JsonProperty("is_end_sequence") boolean isEndSequence) {
}
