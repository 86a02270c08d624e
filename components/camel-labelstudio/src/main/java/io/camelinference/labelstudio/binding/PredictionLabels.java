package io.camelinference.labelstudio.binding;

import java.util.List;
import java.util.Map;

import io.camelinference.common.operation.TopLabel;
import io.camelinference.labelstudio.model.Prediction;

/**
 * The top label of a stored prediction: of its regions, the one with the highest score (a region without a score has
 * the prediction's), and of that region the first of its labels (choices, labels, rectanglelabels and the other
 * label lists of Label Studio's region values). Its score is the region's, else the prediction's.
 */
final class PredictionLabels {

    private PredictionLabels() {
    }

    static TopLabel top(Prediction prediction) {
        String label = null;
        Double score = null;
        for (Map<String, Object> region : prediction.result() == null ? List.<Map<String, Object>>of()
                : prediction.result()) {
            String name = firstLabel(region.get("value"));
            Double s = region.get("score") instanceof Number n ? Double.valueOf(n.doubleValue()) : prediction.score();
            if (name != null && (label == null || s != null && (score == null || s > score))) {
                label = name;
                score = s;
            }
        }
        return TopLabel.of(label, score);
    }

    /** The first text of the first list of texts in a region's value, e.g. value.choices[0]. */
    private static String firstLabel(Object value) {
        if (value instanceof Map<?, ?> fields) {
            for (Object field : fields.values()) {
                if (field instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String first) {
                    return first;
                }
            }
        }
        return null;
    }
}
