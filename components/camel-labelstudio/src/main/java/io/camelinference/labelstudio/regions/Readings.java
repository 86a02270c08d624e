package io.camelinference.labelstudio.regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads other services' results, as JSON trees of the records their components return (or plain Maps of the same
 * fields), into boxes, spans and labels. No compile dependency on those components: only their field names matter.
 */
final class Readings {

    /** A box in relative coordinates (0 to 1), top-left origin. */
    record Box(String label, Double score, double xmin, double ymin, double xmax, double ymax) {
    }

    /** A span of text: characters {@code [start, end)}. */
    record Span(String label, Double score, int start, int end, String text) {
    }

    /** A class and its score. */
    record Label(String name, Double score) {
    }

    private Readings() {
    }

    /**
     * Deepomatic detections: a DeepomaticResult (outputs[].labels.predicted[] with roi.bbox), a list of them, a
     * DeepomaticTask (data.outputs), one output or its predicted list, or Maps with label and bbox (or xmin..ymax).
     */
    static List<Box> boxes(JsonNode node) {
        List<Box> out = new ArrayList<>();
        for (JsonNode p : predictions(node)) {
            JsonNode bbox = p.path("roi").path("bbox");
            if (bbox.isMissingNode()) {
                bbox = p.has("bbox") ? p.get("bbox") : p;
            }
            if (bbox.path("xmin").isNumber() && bbox.path("xmax").isNumber()) {
                out.add(new Box(name(p), score(p), bbox.get("xmin").asDouble(), bbox.path("ymin").asDouble(),
                        bbox.get("xmax").asDouble(), bbox.path("ymax").asDouble()));
            }
        }
        return out;
    }

    /** Predicted labels of Deepomatic outputs (or the items themselves when they are predictions). */
    private static List<JsonNode> predictions(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.addAll(predictions(n)));
        } else if (node.has("outputs")) {
            node.get("outputs").forEach(o -> out.addAll(predictions(o)));
        } else if (node.path("data").has("outputs")) {
            out.addAll(predictions(node.get("data")));
        } else if (node.path("labels").has("predicted")) {
            node.get("labels").get("predicted").forEach(out::add);
        } else if (node.has("predicted")) {
            node.get("predicted").forEach(out::add);
        } else if (node.isObject()) {
            out.add(node);
        }
        return out;
    }

    /**
     * Text spans: AnnoLab annotations (type, value, start, end; a list, or an object with annotations), Communications
     * Mining entities (name or kind, formatted_value, span or spans with char_start and char_end; a list, lists per
     * document, an object with entities, or a predict answer with predictions), or Maps with label, start and end.
     */
    static List<Span> spans(JsonNode node) {
        List<Span> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.addAll(spans(n)));
        } else if (node.has("annotations")) {
            out.addAll(spans(node.get("annotations")));
        } else if (node.has("entities")) {
            out.addAll(spans(node.get("entities")));
        } else if (node.path("predictions").isArray() && !node.get("predictions").isEmpty()) {
            out.addAll(spans(node.get("predictions").get(0)));
        } else if (node.has("span") || node.has("spans")) {
            JsonNode spans = node.has("spans") ? node.get("spans") : node.get("span");
            for (JsonNode s : spans.isArray() ? spans : List.of(spans)) {
                out.add(new Span(text(node, "name", "kind"), score(node), s.path("char_start").asInt(),
                        s.path("char_end").asInt(), text(node, "formatted_value", "text")));
            }
        } else if (node.path("start").isNumber() && node.path("end").isNumber()) {
            String label = node.has("type") ? node.get("type").asText() : name(node);
            out.add(new Span(label, score(node), node.get("start").asInt(), node.get("end").asInt(),
                    text(node, "value", "text")));
        }
        return out;
    }

    /**
     * Classes, best first: UnityPredict outcomes (each outcome's text value and probability), Communications Mining
     * labels (name as a hierarchy joined with " > ", probability; or a predict answer), Deepomatic classifications,
     * AnnoLab Document annotations (their value), Maps with label (or labels) and score, Strings.
     */
    static List<Label> labels(JsonNode node) {
        List<Label> out = new ArrayList<>();
        collect(node, out);
        out.sort(Comparator.comparing((Label l) -> l.score() == null ? 0.0 : l.score()).reversed());
        return out;
    }

    private static void collect(JsonNode node, List<Label> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isTextual()) {
            out.add(new Label(node.asText(), null));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.has("outcomes")) {
            node.get("outcomes").forEach(values -> {
                JsonNode first = values.isArray() && !values.isEmpty() ? values.get(0) : values;
                if (first.path("value").isTextual()) {
                    out.add(new Label(first.get("value").asText(), number(first.get("probability"))));
                }
            });
        } else if (node.path("predictions").isArray() && !node.get("predictions").isEmpty()) {
            collect(node.get("predictions").get(0), out);
        } else if (node.has("labels") && !node.get("labels").has("predicted")) {
            collect(node.get("labels"), out);
        } else if (node.has("outputs") || node.path("labels").has("predicted") || node.has("predicted")) {
            predictions(node).forEach(p -> out.add(new Label(name(p), score(p))));
        } else if (node.has("annotations")) {
            collect(node.get("annotations"), out);
        } else if ("Document".equals(node.path("type").asText()) && node.has("value")) {
            out.add(new Label(node.get("value").asText(), score(node)));
        } else if (node.has("name") || node.has("label") || node.has("label_name") || node.has("choice")) {
            out.add(new Label(name(node), score(node)));
        }
    }

    /** A label's name: label_name (Deepomatic), label, choice, or name (a hierarchy list joined with " > "). */
    static String name(JsonNode n) {
        if (n.has("label_name")) {
            return n.get("label_name").asText();
        }
        if (n.has("label")) {
            return n.get("label").asText();
        }
        if (n.has("choice")) {
            return n.get("choice").asText();
        }
        JsonNode name = n.path("name");
        if (name.isArray()) {
            List<String> parts = new ArrayList<>();
            name.forEach(p -> parts.add(p.asText()));
            return String.join(" > ", parts);
        }
        return name.isMissingNode() ? null : name.asText();
    }

    private static Double score(JsonNode n) {
        return n.has("score") ? number(n.get("score")) : number(n.get("probability"));
    }

    private static Double number(JsonNode n) {
        return n != null && n.isNumber() ? n.asDouble() : null;
    }

    private static String text(JsonNode n, String first, String second) {
        JsonNode v = n.hasNonNull(first) ? n.get(first) : n.get(second);
        return v == null || v.isNull() ? null : v.asText();
    }
}
