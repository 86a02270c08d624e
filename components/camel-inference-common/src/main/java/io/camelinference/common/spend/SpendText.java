package io.camelinference.common.spend;

import java.math.BigDecimal;
import java.time.Duration;

import io.camelinference.common.billing.Expected;

/** How amounts and periods of spend budgets are written in messages and the dev console. */
public final class SpendText {

    private SpendText() {
    }

    /** A number without exponent or trailing zeros: 0.00025, 12. */
    public static String amount(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    /** A period the way options are written: 24h, 30m, 7d, 90s, 1500ms. */
    public static String period(Duration period) {
        long ms = period.toMillis();
        if (ms % 86_400_000 == 0 && ms > 86_400_000) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** What was spent, and reserved by calls in flight when any: "0.5 USD were spent and 0.1 reserved by ...". */
    static String spent(BigDecimal spent, BigDecimal reserved, String unit) {
        return amount(spent) + " " + unit + " were spent"
                + (reserved.signum() > 0 ? " and " + amount(reserved) + " reserved by calls in flight" : "");
    }

    /** What a refused call would have added: its amount (an estimate says so and why), or that only its answer knows. */
    static String adds(Expected expected, String unit) {
        if (expected == null) {
            return "this call's cost is known only from its answer, and the budget is used up";
        }
        return "this call would add " + (expected.isEstimate() ? "about " : "") + amount(expected.amount()) + " " + unit
                + (expected.isEstimate() ? " (" + expected.basis() + ")" : "");
    }
}
