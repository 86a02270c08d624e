package io.camelinference.emulator.commsmining;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * What {@code GET .../labellers/{version}/validation} answers: the model version's average precision per label on the
 * dataset's reviewed e-mails, measured for real, and the scores the service derives from it (labels red under 0.5
 * average precision, amber under 0.8; a dataset score and quality from the mean).
 */
final class Validation {

    private Validation() {
    }

    static ObjectNode of(LabelModel model, List<TrainingSet.Example> reviewed) {
        Taxonomy taxonomy = model.taxonomy();
        List<Map<String, Double>> probs = new ArrayList<>();
        for (TrainingSet.Example e : reviewed) {
            probs.add(model.probabilities(e.text()));
        }
        double sum = 0;
        int red = 0;
        int amber = 0;
        for (String leaf : taxonomy.leaves()) {
            double ap = averagePrecision(leaf, reviewed, probs);
            sum += ap;
            if (ap < 0.5) {
                red++;
            } else if (ap < 0.8) {
                amber++;
            }
        }
        double map = sum / taxonomy.leaves().size();
        int covered = 0;
        for (Map<String, Double> p : probs) {
            if (taxonomy.leaves().stream().anyMatch(l -> p.get(l) >= 0.25)) {
                covered++;
            }
        }
        double coverage = reviewed.isEmpty() ? 0 : (double) covered / reviewed.size();
        ObjectNode v = Json.object();
        v.put("version", model.version());
        v.put("mean_average_precision_safe", round(map));
        v.put("num_labels", taxonomy.all().size());
        ArrayNode labels = v.putArray("labels");
        for (String label : taxonomy.all()) {
            labels.addObject().put("name", label).set("parts", Taxonomy.partsJson(label));
        }
        v.put("num_reviewed_comments", model.trainingSize());
        v.put("num_amber_labels", amber);
        v.put("num_red_labels", red);
        v.put("dataset_score", (int) Math.round(map * 100));
        v.put("dataset_quality", quality(map));
        v.put("balance", round(balance(reviewed, taxonomy)));
        v.put("balance_quality", quality(balance(reviewed, taxonomy)));
        v.put("coverage", round(coverage));
        v.put("coverage_quality", quality(coverage));
        v.put("all_labels_quality", quality(map));
        v.put("underperforming_labels_quality", red > 0 ? "poor" : amber > 0 ? "average" : "good");
        return v;
    }

    /** Mean precision at the rank of each positive, examples ranked by the label's probability. */
    private static double averagePrecision(String leaf, List<TrainingSet.Example> reviewed, List<Map<String, Double>> probs) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < reviewed.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(probs.get(b).get(leaf), probs.get(a).get(leaf)));
        int positives = 0;
        double total = 0;
        for (int rank = 0; rank < order.size(); rank++) {
            if (reviewed.get(order.get(rank)).label().equals(leaf)) {
                positives++;
                total += (double) positives / (rank + 1);
            }
        }
        return positives == 0 ? 0 : total / positives;
    }

    /** Smallest over largest number of reviewed e-mails per leaf label. */
    private static double balance(List<TrainingSet.Example> reviewed, Taxonomy taxonomy) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String leaf : taxonomy.leaves()) {
            int n = (int) reviewed.stream().filter(e -> e.label().equals(leaf)).count();
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        return max == 0 ? 0 : (double) min / max;
    }

    private static String quality(double score) {
        return score >= 0.9 ? "excellent" : score >= 0.8 ? "good" : score >= 0.6 ? "average" : "poor";
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
