package io.camelinference.commsmining.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One document of predict-raw-emails: the raw e-mail and optional user properties. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RawEmailDocument(RawEmail rawEmail, Map<String, Object> userProperties) {
}
