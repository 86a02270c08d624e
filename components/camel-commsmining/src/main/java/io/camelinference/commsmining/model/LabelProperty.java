package io.camelinference.commsmining.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A label property of a comment (e.g. Tone, from -10 to 10) and, when given, how the labels contributed to it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelProperty(String id, String name, double value, JsonNode breakdown) {
}
