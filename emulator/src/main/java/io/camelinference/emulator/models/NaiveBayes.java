package io.camelinference.emulator.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Multinomial naive Bayes text classifier with Laplace smoothing. Deterministic. */
public final class NaiveBayes {

    /** A classification: the best label, its posterior probability, and all posteriors. */
    public record Prediction(String label, double probability, Map<String, Double> posteriors) {
    }

    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> docs = new HashMap<>();
    private final Map<String, Map<String, Integer>> wordCounts = new HashMap<>();
    private final Map<String, Integer> totalWords = new HashMap<>();
    private final Map<String, Boolean> vocabulary = new HashMap<>();
    private int totalDocs;

    public void add(String label, String text) {
        if (!docs.containsKey(label)) {
            labels.add(label);
        }
        docs.merge(label, 1, Integer::sum);
        totalDocs++;
        Map<String, Integer> wc = wordCounts.computeIfAbsent(label, l -> new HashMap<>());
        for (String t : tokens(text)) {
            wc.merge(t, 1, Integer::sum);
            totalWords.merge(label, 1, Integer::sum);
            vocabulary.put(t, Boolean.TRUE);
        }
    }

    public List<String> labels() {
        return List.copyOf(labels);
    }

    public Prediction classify(String text) {
        if (labels.isEmpty()) {
            throw new IllegalStateException("not trained");
        }
        List<String> toks = tokens(text);
        int v = vocabulary.size();
        Map<String, Double> logp = new LinkedHashMap<>();
        for (String label : labels) {
            double lp = Math.log((double) docs.get(label) / totalDocs);
            Map<String, Integer> wc = wordCounts.get(label);
            int tw = totalWords.getOrDefault(label, 0);
            for (String t : toks) {
                if (!vocabulary.containsKey(t)) {
                    continue;
                }
                lp += Math.log((wc.getOrDefault(t, 0) + 1.0) / (tw + v));
            }
            logp.put(label, lp);
        }
        double max = logp.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = 0;
        for (double lp : logp.values()) {
            sum += Math.exp(lp - max);
        }
        Map<String, Double> post = new LinkedHashMap<>();
        String best = null;
        double bestP = -1;
        for (String label : labels) {
            double p = Math.exp(logp.get(label) - max) / sum;
            post.put(label, p);
            if (p > bestP) {
                best = label;
                bestP = p;
            }
        }
        return new Prediction(best, bestP, post);
    }

    /** Lower-case words of letters, digits and apostrophes. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder sb = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || (c == '\'' && sb.length() > 0)) {
                sb.append(c);
            } else if (sb.length() > 0) {
                out.add(sb.toString());
                sb.setLength(0);
            }
        }
        if (sb.length() > 0) {
            out.add(sb.toString());
        }
        return out;
    }
}
