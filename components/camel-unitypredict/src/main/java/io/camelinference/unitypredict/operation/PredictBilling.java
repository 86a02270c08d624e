package io.camelinference.unitypredict.operation;

import java.math.BigDecimal;

import io.camelinference.common.billing.Bill;
import io.camelinference.common.billing.Billing;
import io.camelinference.common.billing.Expected;
import io.camelinference.common.billing.RecentAverage;
import io.camelinference.unitypredict.model.UnityPredictResponse;

/**
 * What unitypredict:predict bills: the compute cost (USD) a completed answer reports as computeCost, and the compute
 * time charged (computeTimeCharged) as {@code compute_seconds}. The cost is known only from the answer, so a call is
 * expected to cost what the model's recent calls cost on average; a model not seen since the start has no estimate
 * (the budget then refuses its calls only once it is used up). An answer that is not completed yet (waitForCompletion
 * false) reports no cost, so nothing is counted for it.
 */
public final class PredictBilling implements Billing<PredictCall, PredictResult> {

    /** How many of a model's last costs make its estimate. */
    static final int RECENT = 20;

    private final RecentAverage costs = new RecentAverage(RECENT);

    @Override
    public Expected expected(PredictCall call) {
        BigDecimal average = costs.average(call.modelId());
        return average == null ? null : Expected.about(average, "the recent average cost of model " + call.modelId());
    }

    @Override
    public Bill billed(PredictCall call, PredictResult result) {
        UnityPredictResponse response = result.response();
        if (!UnityPredictResponse.COMPLETED.equals(response.status()) || response.computeCost() == null) {
            return Bill.NOTHING;
        }
        BigDecimal cost = decimal(response.computeCost());
        costs.add(call.modelId(), cost);
        return Bill.of(cost).and("compute_seconds", seconds(response.computeTimeCharged()));
    }

    /**
     * The reported cost as a decimal. BigDecimal.valueOf(double) goes through Double.toString, a tenth of a small
     * prediction's work after its answer arrives (profiled); a cost of at most nine decimals under a million (every cost
     * the service reports: USD to the nano-dollar at most) is found with one multiplication instead. It is the decimal
     * Double.toString gives: below a million, no two nine-decimal numbers round to the same double. Anything else goes
     * the long way.
     */
    static BigDecimal decimal(double cost) {
        if (Math.abs(cost) < 1e6) {
            long nanos = Math.round(cost * 1e9);
            if (nanos / 1e9 == cost) {
                return BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
            }
        }
        return BigDecimal.valueOf(cost);
    }

    /** A .NET TimeSpan ({@code [d.]hh:mm:ss[.fffffff]}) in seconds, or null when it is not one. */
    static BigDecimal seconds(String timeSpan) {
        if (timeSpan == null) {
            return null;
        }
        // scanned by hand, once, without substrings: this runs for every answer (profiles showed the split version)
        int i = 0;
        int end = timeSpan.length();
        while (i < end && Character.isWhitespace(timeSpan.charAt(i))) {
            i++;
        }
        while (end > i && Character.isWhitespace(timeSpan.charAt(end - 1))) {
            end--;
        }
        long days = 0;
        long hours = 0;
        long minutes = 0;
        int field = 1; // 1 hours, 2 minutes, 3 seconds
        long value = 0;
        boolean digits = false;
        long fraction = 0;
        int fractionDigits = -1;
        for (; i < end; i++) {
            char c = timeSpan.charAt(i);
            if (c >= '0' && c <= '9') {
                if (fractionDigits >= 0) {
                    if (++fractionDigits > 9) {
                        return null;
                    }
                    fraction = fraction * 10 + (c - '0');
                } else {
                    value = value * 10 + (c - '0');
                }
                digits = true;
            } else if (c == '.' && field == 1 && digits) {
                days = value; // days before the hours
                value = 0;
                digits = false;
            } else if (c == '.' && field == 3 && digits && fractionDigits < 0) {
                fractionDigits = 0;
            } else if (c == ':' && field < 3 && digits) {
                if (field == 1) {
                    hours = value;
                } else {
                    minutes = value;
                }
                field++;
                value = 0;
                digits = false;
            } else {
                return null;
            }
        }
        if (field != 3 || (!digits && fractionDigits < 0)) {
            return null;
        }
        long wholeSeconds = ((days * 24 + hours) * 60 + minutes) * 60 + value;
        int scale = Math.max(0, fractionDigits);
        long unscaled = wholeSeconds;
        for (int d = 0; d < scale; d++) {
            unscaled *= 10;
        }
        return BigDecimal.valueOf(unscaled + fraction, scale);
    }
}
