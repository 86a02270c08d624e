package io.camelinference.common.billing;

import java.util.Objects;

/**
 * What a service bills in: the unit of its spend budget (spendLimit) and of the {@code camel.inference.billed} meter.
 * Each service declares its own (see {@code InferenceService#billingUnit()}); a service that bills nothing has none.
 *
 * @param tag   the value of the meter's {@code unit} tag, e.g. {@code usd}, {@code ai_units}
 * @param label the unit for people, in messages and the dev console, e.g. {@code USD}
 */
public record BillingUnit(String tag, String label) {

    public BillingUnit {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return label;
    }
}
