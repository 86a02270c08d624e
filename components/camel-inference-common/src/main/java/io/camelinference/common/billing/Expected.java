package io.camelinference.common.billing;

import java.math.BigDecimal;

/**
 * What a call will bill, known before it is sent: exactly (one per image, per document) or as an estimate.
 *
 * @param amount in the service's billing unit
 * @param basis  how it was estimated, for messages (e.g. "the recent average of model x"), or null when exact
 */
public record Expected(BigDecimal amount, String basis) {

    public static Expected exactly(long units) {
        return new Expected(BigDecimal.valueOf(units), null);
    }

    public static Expected about(BigDecimal amount, String basis) {
        return new Expected(amount, basis);
    }

    public boolean isEstimate() {
        return basis != null;
    }
}
