package io.camelinference.emulator.commsmining;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.models.NaiveBayes;

/**
 * Predicts one comment (its messages): labels from the model version (filtered by the request's thresholds, or with
 * their automatic thresholds), a sentiment on the labels that carry one, entities per message part, and the label
 * property {@code Tone} (-10 to 10) with the labels that contributed to it.
 */
final class Predictor {

    /** The prediction of one comment in the API's shapes. */
    record Prediction(ArrayNode labels, ArrayNode entities, ArrayNode labelProperties) {
    }

    private static final Set<String> POSITIVE = Set.of("thank", "thanks", "great", "excellent", "happy", "wonderful",
            "helpful", "fantastic", "love", "pleasure", "grateful", "friendly", "professional", "quick", "fast", "well",
            "good", "perfect", "appreciate", "kind");
    private static final Set<String> NEGATIVE = Set.of("disappointed", "worst", "rudely", "rude", "unacceptable",
            "unhappy", "frustrated", "poor", "awful", "unhelpful", "ignored", "broken", "damaged", "cracked", "smashed",
            "terrible", "complaint", "never", "bent", "scratched", "failed", "declined", "not");
    private static final int MAX_TEXT = 65_536;

    private Predictor() {
    }

    /** The text the model reads: subjects and bodies of all messages. */
    static String text(JsonNode messages) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode m : messages) {
            sb.append(Json.text(m.path("subject"), "text") == null ? "" : Json.text(m.path("subject"), "text"))
                    .append('\n').append(Json.text(m.path("body"), "text") == null ? "" : Json.text(m.path("body"), "text"))
                    .append('\n');
            if (sb.length() > MAX_TEXT) {
                return sb.substring(0, MAX_TEXT);
            }
        }
        return sb.toString();
    }

    static Prediction predict(LabelModel model, PredictOptions options, JsonNode messages) {
        String text = text(messages);
        Map<String, Double> probabilities = model.probabilities(text);
        List<String> candidates = options.labels().isEmpty() ? model.taxonomy().all()
                : new ArrayList<>(options.labels().keySet());
        List<ObjectNode> labels = new ArrayList<>();
        double sentiment = sentiment(text);
        for (String label : candidates) {
            double p = probabilities.get(label);
            Double own = options.labels().get(label);
            ObjectNode l;
            if (options.auto() && own == null) {
                List<String> reached = model.reached(label, p);
                if (reached.isEmpty()) {
                    continue;
                }
                l = label(model, label, p, sentiment);
                ArrayNode names = l.putArray("auto_thresholds");
                reached.forEach(names::add);
            } else if (p >= (own != null ? own : options.threshold())) {
                l = label(model, label, p, sentiment);
            } else {
                continue;
            }
            labels.add(l);
        }
        return new Prediction(sorted(labels), entities(messages), tone(model, probabilities, sentiment));
    }

    /** The labels a stream reports: those of its label thresholds that the comment reaches. */
    static ArrayNode streamLabels(LabelModel model, Map<String, Double> thresholds, JsonNode messages) {
        String text = text(messages);
        Map<String, Double> probabilities = model.probabilities(text);
        double sentiment = sentiment(text);
        List<ObjectNode> labels = new ArrayList<>();
        thresholds.forEach((label, threshold) -> {
            Double p = probabilities.get(label);
            if (p != null && p >= threshold) {
                labels.add(label(model, label, p, sentiment));
            }
        });
        return sorted(labels);
    }

    static ArrayNode entities(JsonNode messages) {
        ArrayNode entities = Json.array();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            EntityExtractor.render(entities, Json.text(m.path("subject"), "text"), "subject", i);
            EntityExtractor.render(entities, Json.text(m.path("body"), "text"), "body", i);
            EntityExtractor.render(entities, Json.text(m.path("signature"), "text"), "signature", i);
        }
        return entities;
    }

    private static ObjectNode label(LabelModel model, String label, double p, double sentiment) {
        ObjectNode l = Json.object();
        l.set("name", Taxonomy.partsJson(label));
        l.put("probability", p);
        if (model.taxonomy().hasSentiment(label)) {
            l.put("sentiment", sentiment);
        }
        return l;
    }

    private static ArrayNode sorted(List<ObjectNode> labels) {
        labels.sort((a, b) -> Double.compare(b.get("probability").asDouble(), a.get("probability").asDouble()));
        ArrayNode out = Json.array();
        labels.forEach(out::add);
        return out;
    }

    /** -1 (negative) to 1 (positive), from the words of the text. */
    static double sentiment(String text) {
        int score = 0;
        for (String t : NaiveBayes.tokens(text.toLowerCase(Locale.ROOT))) {
            if (POSITIVE.contains(t)) {
                score++;
            } else if (NEGATIVE.contains(t)) {
                score--;
            }
        }
        return Math.round(Math.tanh(score / 3.0) * 10_000) / 10_000.0;
    }

    /** {@code Tone}: the sentiment weighted by how likely the labels that carry a sentiment are. */
    private static ArrayNode tone(LabelModel model, Map<String, Double> probabilities, double sentiment) {
        ObjectNode tone = Json.object();
        tone.put("id", "0000000000000001");
        tone.put("name", "Tone");
        ArrayNode contributions = Json.array();
        double value = 0;
        for (String leaf : model.taxonomy().leaves()) {
            if (model.taxonomy().hasSentiment(leaf) && probabilities.get(leaf) >= 0.1) {
                double c = Math.round(probabilities.get(leaf) * sentiment * 10 * 100) / 100.0;
                value += c;
                contributions.addObject().put("name", leaf).put("value", c);
            }
        }
        tone.put("value", Math.max(-10, Math.min(10, Math.round(value * 100) / 100.0)));
        ObjectNode breakdown = tone.putObject("breakdown");
        breakdown.set("label_contributions", contributions);
        breakdown.putArray("other_group_contributions");
        ArrayNode out = Json.array();
        out.add(tone);
        return out;
    }
}
