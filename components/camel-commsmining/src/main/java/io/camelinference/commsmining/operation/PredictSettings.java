package io.camelinference.commsmining.operation;

import java.util.List;

import io.camelinference.commsmining.model.LabelRequest;

/**
 * How to predict: the threshold (a Double, "auto", or null for the service's default), the labels asked for (null for
 * all), and for raw e-mails whether to return the parsed comments and the transform tag. Micro-batched messages share a
 * request only when these are equal.
 */
public record PredictSettings(Object threshold, List<LabelRequest> labels, boolean includeComments,
                              String transformTag) {
}
