package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A label asked for in a predict request: its name as the levels of the hierarchy ({@code ["Billing", "Refund"]}) and
 * optionally its own threshold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelRequest(List<String> name, Double threshold) {
}
