package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A predict-raw-emails request as sent: at most 4096 raw e-mails. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RawEmailRequest(List<RawEmailDocument> documents, Object threshold, List<LabelRequest> labels,
                              Boolean includeComments, String transformTag) {
}
