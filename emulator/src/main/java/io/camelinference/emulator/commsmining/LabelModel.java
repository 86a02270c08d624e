package io.camelinference.emulator.commsmining;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelinference.emulator.models.NaiveBayes;

/**
 * One pinned model version of a dataset: a multinomial naive Bayes classifier over the leaf labels, trained on reviewed
 * e-mails, with its scores tempered by the length of the text so that short or mixed e-mails get moderate
 * probabilities instead of 0 or 1. A parent label's probability is the sum of its children's. Each label also has its
 * automatic thresholds ({@code high_recall}, {@code balanced}, {@code high_precision}), derived from the probabilities
 * the model gives its own training e-mails. Deterministic: the same text always gets the same answer.
 */
final class LabelModel {

    static final String HIGH_RECALL = "high_recall";
    static final String BALANCED = "balanced";
    static final String HIGH_PRECISION = "high_precision";
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "is", "it",
            "for", "with", "as", "at", "by", "be", "was", "are", "this", "that", "from", "i", "we", "you", "my", "me",
            "our", "your", "please", "hi", "hello", "dear", "regards", "thanks", "kind", "best", "many", "team");

    private final int version;
    private final Instant trainedAt;
    private final Taxonomy taxonomy;
    private final int trainingSize;
    private final Map<String, Double> logPrior = new HashMap<>();
    private final Map<String, Map<String, Integer>> wordCounts = new HashMap<>();
    private final Map<String, Integer> totalWords = new HashMap<>();
    private final Set<String> vocabulary = new java.util.HashSet<>();
    private final Map<String, double[]> autoThresholds = new LinkedHashMap<>();

    private LabelModel(int version, Instant trainedAt, Taxonomy taxonomy, int trainingSize) {
        this.version = version;
        this.trainedAt = trainedAt;
        this.taxonomy = taxonomy;
        this.trainingSize = trainingSize;
    }

    static LabelModel train(int version, Instant trainedAt, Taxonomy taxonomy, List<TrainingSet.Example> examples) {
        LabelModel m = new LabelModel(version, trainedAt, taxonomy, examples.size());
        Map<String, Integer> docs = new HashMap<>();
        for (TrainingSet.Example e : examples) {
            docs.merge(e.label(), 1, Integer::sum);
            Map<String, Integer> wc = m.wordCounts.computeIfAbsent(e.label(), l -> new HashMap<>());
            for (String t : tokens(e.text())) {
                wc.merge(t, 1, Integer::sum);
                m.totalWords.merge(e.label(), 1, Integer::sum);
                m.vocabulary.add(t);
            }
        }
        for (String leaf : taxonomy.leaves()) {
            // Laplace-smoothed prior: a label without examples is possible, just unlikely
            m.logPrior.put(leaf, Math.log((docs.getOrDefault(leaf, 0) + 1.0) / (examples.size() + taxonomy.leaves().size())));
        }
        m.deriveAutoThresholds(examples);
        return m;
    }

    int version() {
        return version;
    }

    Instant trainedAt() {
        return trainedAt;
    }

    int trainingSize() {
        return trainingSize;
    }

    Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The probability of every label (parents and leaves) for the text. */
    Map<String, Double> probabilities(String text) {
        List<String> toks = tokens(text);
        int known = 0;
        for (String t : toks) {
            if (vocabulary.contains(t)) {
                known++;
            }
        }
        double temper = 1.0 / Math.sqrt(Math.max(1, known));
        int v = vocabulary.size();
        Map<String, Double> score = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (String leaf : taxonomy.leaves()) {
            Map<String, Integer> wc = wordCounts.getOrDefault(leaf, Map.of());
            int tw = totalWords.getOrDefault(leaf, 0);
            double likelihood = 0;
            for (String t : toks) {
                if (vocabulary.contains(t)) {
                    likelihood += Math.log((wc.getOrDefault(t, 0) + 1.0) / (tw + v));
                }
            }
            double s = logPrior.get(leaf) + 2.5 * likelihood * temper;
            score.put(leaf, s);
            max = Math.max(max, s);
        }
        double sum = 0;
        for (double s : score.values()) {
            sum += Math.exp(s - max);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String label : taxonomy.all()) {
            double p = 0;
            for (String leaf : taxonomy.leaves()) {
                if (Taxonomy.isUnder(leaf, label)) {
                    p += Math.exp(score.get(leaf) - max) / sum;
                }
            }
            out.put(label, Math.min(1.0, p));
        }
        return out;
    }

    /** {@code [high_recall, balanced, high_precision]} of a label. */
    double[] autoThresholds(String label) {
        return autoThresholds.get(label);
    }

    /** The names of the automatic thresholds the probability reaches, lowest first. */
    List<String> reached(String label, double probability) {
        double[] t = autoThresholds(label);
        List<String> out = new ArrayList<>();
        if (probability >= t[0]) {
            out.add(HIGH_RECALL);
        }
        if (probability >= t[1]) {
            out.add(BALANCED);
        }
        if (probability >= t[2]) {
            out.add(HIGH_PRECISION);
        }
        return out;
    }

    private void deriveAutoThresholds(List<TrainingSet.Example> examples) {
        List<Map<String, Double>> probs = new ArrayList<>();
        for (TrainingSet.Example e : examples) {
            probs.add(probabilities(e.text()));
        }
        for (String leaf : taxonomy.leaves()) {
            List<Double> positives = new ArrayList<>();
            List<double[]> scored = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                double p = probs.get(i).get(leaf);
                boolean positive = examples.get(i).label().equals(leaf);
                if (positive) {
                    positives.add(p);
                }
                scored.add(new double[] {p, positive ? 1 : 0});
            }
            positives.sort(Double::compare);
            double recall95 = positives.isEmpty() ? 0.3 : positives.get((int) Math.floor(0.05 * positives.size()));
            double highRecall = clamp(recall95 * 0.9, 0.05, 0.35);
            double highPrecision = clamp(Math.max(precise(scored, 0.98), highRecall + 0.3), 0.4, 0.95);
            double balanced = clamp((highRecall + highPrecision) / 2, highRecall + 0.05, highPrecision - 0.05);
            autoThresholds.put(leaf, new double[] {round(highRecall), round(balanced), round(highPrecision)});
        }
        for (String label : taxonomy.all()) {
            if (!autoThresholds.containsKey(label)) {
                double[] sum = new double[3];
                int n = 0;
                for (String leaf : taxonomy.leaves()) {
                    if (Taxonomy.isUnder(leaf, label)) {
                        double[] t = autoThresholds.get(leaf);
                        for (int k = 0; k < 3; k++) {
                            sum[k] += t[k];
                        }
                        n++;
                    }
                }
                autoThresholds.put(label, new double[] {round(sum[0] / n), round(sum[1] / n), round(sum[2] / n)});
            }
        }
    }

    /** The lowest threshold at which the predictions at or above it are at least {@code precision} correct. */
    private static double precise(List<double[]> scored, double precision) {
        List<double[]> sorted = new ArrayList<>(scored);
        sorted.sort((a, b) -> Double.compare(b[0], a[0]));
        double best = 0.95;
        int right = 0;
        for (int i = 0; i < sorted.size(); i++) {
            right += (int) sorted.get(i)[1];
            if ((double) right / (i + 1) >= precision) {
                best = sorted.get(i)[0];
            }
        }
        return best;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : NaiveBayes.tokens(text)) {
            if (t.length() > 1 && !STOP.contains(t) && !t.chars().allMatch(Character::isDigit)) {
                out.add(t);
            }
        }
        return out;
    }
}
