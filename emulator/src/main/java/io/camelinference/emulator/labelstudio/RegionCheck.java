package io.camelinference.emulator.labelstudio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks one predicted region against the label config: its {@code from_name} must be a control, its {@code to_name}
 * an object that control labels, its {@code type} the control's, and for Choices, Labels and RectangleLabels its value
 * must hold known labels (and offsets or a box in percent). Label Studio itself stores a mismatched region and never
 * shows it; the emulator says why instead.
 */
final class RegionCheck {

    private RegionCheck() {
    }

    static String problem(JsonNode region, Map<String, LabelConfig.Control> controls) {
        if (region == null || !region.isObject()) {
            return "a region must be an object with from_name, to_name, type and value";
        }
        String from = region.path("from_name").asText(null);
        String to = region.path("to_name").asText(null);
        String type = region.path("type").asText(null);
        if (from == null || to == null || type == null || !region.path("value").isObject()) {
            return "a region needs from_name, to_name, type and value; got fields " + names(region);
        }
        LabelConfig.Control control = controls.get(from);
        if (control == null) {
            return "from_name '" + from + "' is not a control tag of the label config (its controls: "
                    + describe(controls) + ")";
        }
        if (!control.toNames().contains(to)) {
            return "to_name '" + to + "' is not what control '" + from + "' labels (toName " + control.toNames() + ")";
        }
        if (!control.type().equals(type)) {
            return "type '" + type + "' does not match control '" + from + "', a " + control.tag() + " (type '"
                    + control.type() + "')";
        }
        JsonNode value = region.get("value");
        return switch (type) {
            case "choices" -> labels(value, "choices", control);
            case "labels" -> span(value, control);
            case "rectanglelabels" -> box(value, control);
            default -> null;
        };
    }

    private static String labels(JsonNode value, String key, LabelConfig.Control control) {
        JsonNode list = value.get(key);
        if (list == null || !list.isArray() || list.isEmpty()) {
            return "value." + key + " must be a non-empty list of labels of control '" + control.name() + "'";
        }
        for (JsonNode label : list) {
            if (!control.labels().isEmpty() && !control.labels().contains(label.asText())) {
                return "label '" + label.asText() + "' is not one of control '" + control.name() + "' "
                        + control.labels();
            }
        }
        return null;
    }

    private static String span(JsonNode value, LabelConfig.Control control) {
        String p = labels(value, "labels", control);
        if (p != null) {
            return p;
        }
        if (!value.path("start").canConvertToInt() || !value.path("end").canConvertToInt()
                || value.path("start").asInt() < 0 || value.path("end").asInt() <= value.path("start").asInt()) {
            return "a Labels span needs integer value.start and value.end with 0 <= start < end, got start "
                    + value.get("start") + " and end " + value.get("end");
        }
        return null;
    }

    private static String box(JsonNode value, LabelConfig.Control control) {
        String p = labels(value, "rectanglelabels", control);
        if (p != null) {
            return p;
        }
        for (String k : List.of("x", "y", "width", "height")) {
            JsonNode n = value.get(k);
            if (n == null || !n.isNumber() || n.asDouble() < 0 || n.asDouble() > 100) {
                return "a RectangleLabels box needs value." + k + " in percent of the image (0 to 100), got " + n;
            }
        }
        if (value.get("x").asDouble() + value.get("width").asDouble() > 100.001
                || value.get("y").asDouble() + value.get("height").asDouble() > 100.001) {
            return "the box goes beyond the image: x + width and y + height must be at most 100 (percent)";
        }
        return null;
    }

    private static List<String> names(JsonNode region) {
        List<String> out = new ArrayList<>();
        region.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String describe(Map<String, LabelConfig.Control> controls) {
        List<String> out = new ArrayList<>();
        for (LabelConfig.Control c : controls.values()) {
            out.add(c.name() + " (" + c.tag() + " to " + String.join(",", c.toNames()) + ")");
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
