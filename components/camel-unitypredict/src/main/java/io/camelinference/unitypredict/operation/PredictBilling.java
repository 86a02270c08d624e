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
        BigDecimal cost = BigDecimal.valueOf(response.computeCost());
        costs.add(call.modelId(), cost);
        return Bill.of(cost).and("compute_seconds", seconds(response.computeTimeCharged()));
    }

    /** A .NET TimeSpan ({@code [d.]hh:mm:ss[.fffffff]}) in seconds, or null when it is not one. */
    static BigDecimal seconds(String timeSpan) {
        if (timeSpan == null) {
            return null;
        }
        String[] parts = timeSpan.strip().split(":");
        if (parts.length != 3) {
            return null;
        }
        try {
            String hours = parts[0];
            long days = 0;
            int dot = hours.indexOf('.');
            if (dot >= 0) {
                days = Long.parseLong(hours.substring(0, dot));
                hours = hours.substring(dot + 1);
            }
            long wholeMinutes = (days * 24 + Long.parseLong(hours)) * 60 + Long.parseLong(parts[1]);
            return BigDecimal.valueOf(wholeMinutes * 60).add(new BigDecimal(parts[2])).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
