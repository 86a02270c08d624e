package io.camelinference.emulator.labelstudio;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.camelinference.emulator.internal.Json;

/**
 * A project's labeling configuration, parsed well enough to check what is imported and predicted: object tags
 * ({@code Image}, {@code Text}, ...) with the task data key they read ({@code value="$text"}), and control tags with
 * the objects they label ({@code toName}) and their labels. Predictions are checked in depth for {@code Choices},
 * {@code Labels} (text spans) and {@code RectangleLabels} (image boxes in percent); for other controls only their names.
 */
final class LabelConfig {

    static final String EMPTY = "<View></View>";

    private static final Set<String> OBJECT_TAGS = Set.of("image", "text", "hypertext", "audio", "audioplus", "video",
            "paragraphs", "table", "timeseries", "pdf", "list", "markdown");
    private static final Set<String> LABEL_TAGS = Set.of("choice", "label");

    /** A control tag. */
    record Control(String name, String tag, List<String> toNames, List<String> labels) {
        String type() {
            return tag.toLowerCase(Locale.ROOT);
        }
    }

    private final String xml;
    private final Map<String, String> objects = new LinkedHashMap<>();
    private final Map<String, String> objectTags = new LinkedHashMap<>();
    private final Map<String, Control> controls = new LinkedHashMap<>();

    private LabelConfig(String xml) {
        this.xml = xml;
    }

    /** Parses and validates a config; a problem is a validation error on {@code label_config}. */
    static LabelConfig parse(String xml) {
        if (xml == null || xml.isBlank()) {
            return parse(EMPTY);
        }
        LabelConfig config = new LabelConfig(xml);
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            root = b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw LsErrors.ValidationFailure.field("label_config", "Can't parse label config: " + e.getMessage());
        }
        if (!"View".equals(root.getTagName())) {
            throw LsErrors.ValidationFailure.field("label_config", "Validation failed on : the root tag must be View,"
                    + " not " + root.getTagName());
        }
        config.walk(root);
        config.checkReferences();
        return config;
    }

    private void walk(Element element) {
        String tag = element.getTagName();
        String name = element.getAttribute("name");
        String lower = tag.toLowerCase(Locale.ROOT);
        if (OBJECT_TAGS.contains(lower) && !name.isEmpty()) {
            unique(name);
            String value = element.getAttribute("value");
            objects.put(name, value.startsWith("$") ? value.substring(1) : null);
            objectTags.put(name, tag);
        } else if (!element.getAttribute("toName").isEmpty()) {
            if (name.isEmpty()) {
                throw LsErrors.ValidationFailure.field("label_config", "Validation failed on : 'name' is a required"
                        + " property of " + tag);
            }
            unique(name);
            List<String> to = new ArrayList<>();
            for (String t : element.getAttribute("toName").split(",")) {
                to.add(t.strip());
            }
            controls.put(name, new Control(name, tag, to, labels(element)));
        } else if (!"View".equals(tag) && isControlTag(lower) && element.getAttribute("toName").isEmpty()) {
            throw LsErrors.ValidationFailure.field("label_config", "Validation failed on : 'toName' is a required"
                    + " property of " + tag + (name.isEmpty() ? "" : " " + name));
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                walk((Element) children.item(i));
            }
        }
    }

    private static boolean isControlTag(String lower) {
        return lower.endsWith("labels") || lower.equals("choices") || lower.equals("textarea")
                || lower.equals("rating") || lower.equals("taxonomy");
    }

    private static List<String> labels(Element control) {
        List<String> labels = new ArrayList<>();
        NodeList all = control.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (LABEL_TAGS.contains(e.getTagName().toLowerCase(Locale.ROOT))) {
                labels.add(e.hasAttribute("alias") && !e.getAttribute("alias").isEmpty() ? e.getAttribute("alias")
                        : e.getAttribute("value"));
            }
        }
        return labels;
    }

    private void unique(String name) {
        if (objects.containsKey(name) || controls.containsKey(name)) {
            throw LsErrors.ValidationFailure.field("label_config", "Label config contains non-unique names: " + name);
        }
    }

    private void checkReferences() {
        for (Control c : controls.values()) {
            for (String to : c.toNames()) {
                if (!objects.containsKey(to)) {
                    throw LsErrors.ValidationFailure.field("label_config", "toName=\"" + to + "\" not found in names: "
                            + objects.keySet());
                }
            }
        }
    }

    String xml() {
        return xml;
    }

    /** The task data keys the object tags read ({@code $text} gives {@code text}). */
    List<String> dataKeys() {
        return objects.values().stream().filter(v -> v != null).distinct().toList();
    }

    /** What Label Studio returns as {@code parsed_label_config}. */
    ObjectNode parsed() {
        ObjectNode out = Json.object();
        for (Control c : controls.values()) {
            ObjectNode n = out.putObject(c.name());
            n.put("type", c.tag());
            c.toNames().forEach(n.putArray("to_name")::add);
            var inputs = n.putArray("inputs");
            for (String to : c.toNames()) {
                inputs.addObject().put("type", objectTags.get(to)).put("value", objects.get(to));
            }
            c.labels().forEach(n.putArray("labels")::add);
        }
        return out;
    }

    /** Null when every region of a prediction's result fits the config; else a message saying what does not. */
    String problem(JsonNode result) {
        if (result == null || !result.isArray()) {
            return "result must be a list of regions";
        }
        for (int i = 0; i < result.size(); i++) {
            String p = RegionCheck.problem(result.get(i), controls);
            if (p != null) {
                return "region " + i + ": " + p;
            }
        }
        return null;
    }
}
