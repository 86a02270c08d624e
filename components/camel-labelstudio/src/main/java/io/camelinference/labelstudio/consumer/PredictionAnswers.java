package io.camelinference.labelstudio.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelinference.common.json.Json;
import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.model.LabelConfig;
import io.camelinference.labelstudio.model.LabelStudioTask;
import org.apache.camel.Message;

/**
 * Turns what a route answered for a task into that task's prediction ({@code result}, {@code score},
 * {@code model_version}): a List of regions; a Map with {@code result} (and {@code score}, {@code model_version}); one
 * region Map; a label String, a List of labels, or a Map with {@code label} and {@code score} (a choice of the
 * config's first Choices control); or JSON text of any of these. Checks the regions against the label config.
 */
final class PredictionAnswers {

    static final String ACCEPTED = "a List of regions (Maps with from_name, to_name, type and value), a Map with result"
            + " (and score, model_version), one region Map, a label String, a List of labels, or a Map with label and"
            + " score";

    private PredictionAnswers() {
    }

    /** @throws IllegalArgumentException when the answer is none of the accepted forms or does not fit the config */
    static Map<String, Object> of(Message answer, LabelStudioTask task, String modelVersion, boolean validate) {
        Map<String, Object> prediction = new LinkedHashMap<>();
        List<?> regions = regions(answer.getBody(), task, prediction, 0);
        String what = "labelstudio:ml-backend: the answer for task " + task.getId();
        LabelConfig config = task.getLabelConfig();
        if (validate && config != null && !config.controls().isEmpty()) {
            String problem = config.problem(regions);
            if (problem != null) {
                throw new IllegalArgumentException(what + " does not fit the project's label config: " + problem);
            }
        }
        Double score = answer.getHeader(LabelStudioConstants.SCORE, Double.class);
        if (score == null && prediction.get("score") instanceof Number n) {
            score = n.doubleValue();
        }
        if (score == null) {
            score = meanScore(regions);
        }
        Object version = prediction.get("model_version");
        if (version == null) {
            version = answer.getHeader(LabelStudioConstants.MODEL_VERSION, String.class);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", regions);
        if (score != null) {
            out.put("score", score);
        }
        out.put("model_version", version != null ? version.toString() : modelVersion);
        return out;
    }

    private static List<?> regions(Object body, LabelStudioTask task, Map<String, Object> prediction, int depth) {
        String what = "labelstudio:ml-backend: the answer for task " + task.getId();
        if (body instanceof LabelStudioTask || body == null) {
            throw new IllegalArgumentException(what + " is " + (body == null ? "empty" : "still the task")
                    + ": the route must answer " + ACCEPTED);
        }
        if (body instanceof CharSequence text) {
            String s = text.toString().strip();
            if ((s.startsWith("{") || s.startsWith("[")) && depth == 0) {
                return regions(Json.convert(parse(s, what), Object.class), task, prediction, depth + 1);
            }
            return List.of(Choices.region(List.of(s), task.getLabelConfig(), what));
        }
        if (body instanceof Map<?, ?> map) {
            if (map.containsKey("result")) {
                map.forEach((k, v) -> prediction.put(String.valueOf(k), v));
                if (!(map.get("result") instanceof List<?> result)) {
                    throw new IllegalArgumentException(what + " has a result that is not a List of regions");
                }
                return result;
            }
            if (map.containsKey("from_name") || map.containsKey("value")) {
                return List.of(map);
            }
            if (map.get("label") != null) {
                prediction.put("score", map.get("score"));
                return List.of(Choices.region(List.of(map.get("label").toString()), task.getLabelConfig(), what));
            }
        }
        if (body instanceof Collection<?> items) {
            if (!items.isEmpty() && items.stream().allMatch(i -> i instanceof CharSequence)) {
                List<String> labels = new ArrayList<>();
                items.forEach(i -> labels.add(i.toString()));
                return List.of(Choices.region(labels, task.getLabelConfig(), what));
            }
            return List.copyOf(items);
        }
        if (depth == 0 && !(body instanceof Map<?, ?>) && !(body instanceof Number) && !(body instanceof Boolean)) {
            return regions(Json.convert(body, Object.class), task, prediction, depth + 1);
        }
        throw new IllegalArgumentException(what + " is a " + body.getClass().getSimpleName() + " that is none of "
                + ACCEPTED);
    }

    private static Object parse(String json, String what) {
        try {
            return Json.mapper().readValue(json, Object.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(what + " looks like JSON but is not: " + e.getMessage());
        }
    }

    private static Double meanScore(List<?> regions) {
        double sum = 0;
        int n = 0;
        for (Object r : regions) {
            if (r instanceof Map<?, ?> m && m.get("score") instanceof Number s) {
                sum += s.doubleValue();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** A choice of the config's first Choices control. */
    static final class Choices {
        private Choices() {
        }

        static Map<String, Object> region(List<String> labels, LabelConfig config, String what) {
            LabelConfig.Control control = config == null ? null : config.firstControl("Choices");
            if (control == null) {
                throw new IllegalArgumentException(what + " is a label (" + labels + ") but the label config has no"
                        + " Choices control (its controls: " + config + "); answer regions instead");
            }
            List<String> spelled = new ArrayList<>();
            labels.forEach(l -> spelled.add(control.label(l) != null ? control.label(l) : l));
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("from_name", control.name());
            region.put("to_name", control.toName());
            region.put("type", "choices");
            region.put("value", Map.of("choices", spelled));
            return region;
        }
    }
}
