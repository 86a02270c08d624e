package io.camelinference.labelstudio.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Whether a region fits the label config: its {@code from_name} must be a control, its {@code to_name} an object that
 * control labels, its {@code type} the control's; for Choices, Labels and RectangleLabels its labels must be the
 * control's, a span needs offsets and a box needs percent coordinates. Label Studio stores a region that fails this
 * and never shows it, so it is checked before Label Studio gets it.
 */
final class RegionRules {

    private RegionRules() {
    }

    static String problem(Object candidate, Map<String, LabelConfig.Control> controls) {
        if (!(candidate instanceof Map<?, ?> region)) {
            return "a region must be a Map with from_name, to_name, type and value, not "
                    + (candidate == null ? "null" : candidate.getClass().getSimpleName());
        }
        Object from = region.get("from_name");
        Object to = region.get("to_name");
        Object type = region.get("type");
        if (from == null || to == null || type == null || !(region.get("value") instanceof Map<?, ?> value)) {
            return "a region needs from_name, to_name, type and a value Map; it has " + region.keySet();
        }
        LabelConfig.Control control = controls.get(from.toString());
        if (control == null) {
            return "from_name '" + from + "' is not a control of the label config, whose controls are: "
                    + describe(controls.values());
        }
        if (!control.toNames().contains(to.toString())) {
            return "to_name '" + to + "' is not what control '" + from + "' labels (toName " + control.toNames() + ")";
        }
        if (!control.type().equals(type.toString())) {
            return "type '" + type + "' does not match control '" + from + "', a " + control.tag() + " (type '"
                    + control.type() + "')";
        }
        return switch (control.type()) {
            case "choices" -> labels(value, "choices", control);
            case "labels" -> labels(value, "labels", control) != null ? labels(value, "labels", control) : span(value);
            case "rectanglelabels" -> labels(value, "rectanglelabels", control) != null
                    ? labels(value, "rectanglelabels", control) : box(value);
            default -> null;
        };
    }

    private static String labels(Map<?, ?> value, String key, LabelConfig.Control control) {
        if (!(value.get(key) instanceof Collection<?> labels) || labels.isEmpty()) {
            return "value." + key + " must be a non-empty list of control '" + control.name() + "' labels "
                    + control.labels();
        }
        for (Object label : labels) {
            if (!control.labels().isEmpty() && !control.labels().contains(String.valueOf(label))) {
                return "label '" + label + "' is not one of control '" + control.name() + "' " + control.labels();
            }
        }
        return null;
    }

    private static String span(Map<?, ?> value) {
        if (!(value.get("start") instanceof Number start) || !(value.get("end") instanceof Number end)
                || start.intValue() < 0 || end.intValue() <= start.intValue()) {
            return "a Labels span needs numbers value.start and value.end with 0 <= start < end, got start "
                    + value.get("start") + " and end " + value.get("end");
        }
        return null;
    }

    private static String box(Map<?, ?> value) {
        for (String k : List.of("x", "y", "width", "height")) {
            if (!(value.get(k) instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 100) {
                return "a RectangleLabels box needs value." + k + " in percent of the image (0 to 100), got "
                        + value.get(k);
            }
        }
        double right = ((Number) value.get("x")).doubleValue() + ((Number) value.get("width")).doubleValue();
        double bottom = ((Number) value.get("y")).doubleValue() + ((Number) value.get("height")).doubleValue();
        return right > 100.001 || bottom > 100.001
                ? "the box goes beyond the image: x + width and y + height must be at most 100 (percent)" : null;
    }

    private static String describe(Collection<LabelConfig.Control> controls) {
        if (controls.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (LabelConfig.Control c : controls) {
            out.append(out.length() == 0 ? "" : ", ").append(c.name()).append(" (").append(c.tag()).append(" to ")
                    .append(String.join(",", c.toNames())).append(')');
        }
        return out.toString();
    }
}
