package io.camelinference.unitypredict.model;

import java.util.List;
import java.util.Map;

/**
 * UnityPredict's answer to predict and status calls.
 *
 * @param status {@code Completed}, {@code Processing} or {@code Error} (null when the engine reported none)
 */
public record UnityPredictResponse(
        String contextId,
        String requestId,
        String errorMessages,
        String logMessages,
        String computeTime,
        String computeTimeCharged,
        Double computeCost,
        Map<String, List<UnityPredictOutcome>> outcomes,
        String status,
        String statusUrl) {

    public static final String COMPLETED = "Completed";
    public static final String PROCESSING = "Processing";
    public static final String ERROR = "Error";

    /**
     * The label of the answer: the first value of the first output variable that is not a File, in the service's order
     * (name the one wanted first with desiredOutcomes), or null while processing or when every outcome is a File.
     */
    public UnityPredictOutcome topOutcome() {
        if (outcomes == null) {
            return null;
        }
        for (List<UnityPredictOutcome> values : outcomes.values()) {
            if (values != null && !values.isEmpty() && !values.get(0).isFile()) {
                return values.get(0);
            }
        }
        return null;
    }

    /** The first value of an output variable, or null. */
    public Object value(String outcome) {
        if (outcomes == null || outcomes.get(outcome) == null || outcomes.get(outcome).isEmpty()) {
            return null;
        }
        return outcomes.get(outcome).get(0).value();
    }
}
