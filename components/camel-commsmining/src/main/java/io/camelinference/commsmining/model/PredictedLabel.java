package io.camelinference.commsmining.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A predicted label: its name as the levels of the hierarchy ({@code ["Billing", "Refund"]}; older answers give one
 * string {@code "Billing > Refund"}, read the same), its probability, its sentiment (-1 to 1) where the label has one,
 * and with {@code threshold=auto} the automatic thresholds it reaches.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PredictedLabel(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> name,
                             double probability, Double sentiment, List<String> autoThresholds) {

    /** The levels of the label, also when the service gave them as one string. */
    @JsonIgnore
    public List<String> parts() {
        List<String> parts = new ArrayList<>();
        if (name != null) {
            for (String n : name) {
                for (String p : n.split(" > ")) {
                    parts.add(p.strip());
                }
            }
        }
        return parts;
    }

    /** The name as people write it: {@code Billing > Refund}. */
    @JsonIgnore
    public String fullName() {
        return String.join(" > ", parts());
    }
}
