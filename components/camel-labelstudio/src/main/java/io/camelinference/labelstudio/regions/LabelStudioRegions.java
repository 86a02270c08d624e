package io.camelinference.labelstudio.regions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelinference.common.json.Json;
import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.model.LabelConfig;
import io.camelinference.labelstudio.model.LabelStudioTask;
import org.apache.camel.Exchange;

/**
 * Maps other services' answers to Label Studio regions in one step of a route. The results are read by their field
 * names (as the Deepomatic, AnnoLab, UnityPredict and Communications Mining components return them, or plain Maps of
 * the same fields), so nothing here depends on those components.
 * <p>
 * In a {@code labelstudio:ml-backend} route, the variants taking the {@link Exchange} find {@code from_name} and
 * {@code to_name} in the task's label config (its first control of the kind), write labels as the config spells them
 * and leave out labels the control does not have. The {@code ...For} variants take the names and keep every label.
 * <pre>
 * - to: deepomatic:inference?specId=color-blobs-v1
 * - bean:
 *     beanType: io.camelinference.labelstudio.regions.LabelStudioRegions
 *     method: rectangleLabels
 * </pre>
 * or {@code method: "spanLabelsFor(${body}, 'entities', 'text')"}.
 */
public final class LabelStudioRegions {

    /** For Camel's bean binding; the methods are static. */
    public LabelStudioRegions() {
    }

    /** Deepomatic boxes (relative 0-1) as the task's RectangleLabels regions (percent). */
    public static List<Map<String, Object>> rectangleLabels(Object deepomaticResult, Exchange exchange) {
        return rectangles(deepomaticResult, control(exchange, "RectangleLabels"));
    }

    /** Deepomatic boxes (relative 0-1) as RectangleLabels regions (percent) of the named control and image. */
    public static List<Map<String, Object>> rectangleLabelsFor(Object deepomaticResult, String fromName, String toName) {
        return rectangles(deepomaticResult, free(fromName, toName, "RectangleLabels"));
    }

    /** AnnoLab annotations or Communications Mining entities as the task's Labels spans. */
    public static List<Map<String, Object>> spanLabels(Object annotations, Exchange exchange) {
        LabelStudioTask task = task(exchange);
        return spans(annotations, control(exchange, "Labels"), task.getText());
    }

    /** AnnoLab annotations or Communications Mining entities as Labels spans of the named control and text. */
    public static List<Map<String, Object>> spanLabelsFor(Object annotations, String fromName, String toName) {
        return spans(annotations, free(fromName, toName, "Labels"), null);
    }

    /**
     * UnityPredict outcomes, Communications Mining labels, Deepomatic or AnnoLab classes, or a label as the task's
     * Choices region: the best label, or every label the control knows when it allows several.
     */
    public static List<Map<String, Object>> choices(Object labels, Exchange exchange) {
        return choices(labels, control(exchange, "Choices"));
    }

    /** The best label (as above) as a Choices region of the named control and object. */
    public static List<Map<String, Object>> choicesFor(Object labels, String fromName, String toName) {
        return choices(labels, free(fromName, toName, "Choices"));
    }

    private static List<Map<String, Object>> rectangles(Object result, LabelConfig.Control control) {
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Readings.Box box : Readings.boxes(Json.mapper().valueToTree(result))) {
            String label = control.label(box.label());
            if (label != null) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("x", percent(box.xmin()));
                value.put("y", percent(box.ymin()));
                value.put("width", percent(box.xmax() - box.xmin()));
                value.put("height", percent(box.ymax() - box.ymin()));
                value.put("rotation", 0);
                value.put("rectanglelabels", List.of(label));
                regions.add(region(control, value, box.score()));
            }
        }
        return regions;
    }

    private static List<Map<String, Object>> spans(Object result, LabelConfig.Control control, String text) {
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Readings.Span span : Readings.spans(Json.mapper().valueToTree(result))) {
            String label = span.label() == null ? null : control.label(span.label());
            if (label != null && span.end() > span.start()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("start", span.start());
                value.put("end", span.end());
                value.put("text", text != null && span.end() <= text.length() ? text.substring(span.start(), span.end())
                        : span.text());
                value.put("labels", List.of(label));
                regions.add(region(control, value, span.score()));
            }
        }
        return regions;
    }

    private static List<Map<String, Object>> choices(Object result, LabelConfig.Control control) {
        List<String> chosen = new ArrayList<>();
        Double score = null;
        for (Readings.Label l : Readings.labels(Json.mapper().valueToTree(result))) {
            String label = l.name() == null ? null : control.label(l.name());
            if (label != null && !chosen.contains(label) && (chosen.isEmpty() || control.multiple())) {
                chosen.add(label);
                score = score == null ? l.score() : score;
            }
        }
        return chosen.isEmpty() ? List.of() : List.of(region(control, Map.of("choices", chosen), score));
    }

    private static Map<String, Object> region(LabelConfig.Control control, Map<String, Object> value, Double score) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("from_name", control.name());
        region.put("to_name", control.toName());
        region.put("type", control.type());
        region.put("value", value);
        if (score != null) {
            region.put("score", score);
        }
        return region;
    }

    private static double percent(double relative) {
        return Math.round(Math.max(0, Math.min(1, relative)) * 100 * 10_000) / 10_000.0;
    }

    private static LabelStudioTask task(Exchange exchange) {
        Object task = exchange == null ? null : exchange.getProperty(LabelStudioConstants.TASK_PROPERTY);
        if (!(task instanceof LabelStudioTask t)) {
            throw new IllegalArgumentException("LabelStudioRegions needs the task of a labelstudio:ml-backend exchange"
                    + " (the exchange property " + LabelStudioConstants.TASK_PROPERTY + "); elsewhere use the ...For"
                    + " variants with from_name and to_name");
        }
        return t;
    }

    private static LabelConfig.Control control(Exchange exchange, String tag) {
        LabelConfig config = task(exchange).getLabelConfig();
        LabelConfig.Control control = config == null ? null : config.firstControl(tag);
        if (control == null) {
            throw new IllegalArgumentException("The task's label config has no " + tag + " control (its controls: "
                    + config + ")");
        }
        return control;
    }

    /** A control known only by its names: every label is kept as it is. */
    private static LabelConfig.Control free(String fromName, String toName, String tag) {
        if (fromName == null || fromName.isBlank() || toName == null || toName.isBlank()) {
            throw new IllegalArgumentException("LabelStudioRegions needs from_name and to_name: the names of the "
                    + tag + " control and of the object it labels in the label config");
        }
        return new LabelConfig.Control(fromName, tag, List.of(toName), List.of(), false);
    }
}
