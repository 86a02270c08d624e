package io.camelinference.labelstudio.model;

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

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A project's label config, parsed: the object tags (what is labeled: {@code Image}, {@code Text}, ...) with the task
 * data field each reads, and the control tags (how: {@code Choices}, {@code Labels}, {@code RectangleLabels}, ...) with
 * their names, the objects they label and their labels. A prediction's region names its control as {@code from_name}
 * and the object as {@code to_name}: {@link #firstControl(String)} gives both.
 */
public final class LabelConfig {

    private static final Set<String> OBJECT_TAGS = Set.of("image", "text", "hypertext", "audio", "audioplus", "video",
            "paragraphs", "table", "timeseries", "pdf", "list", "markdown");

    /** An object tag: its name, tag and the task data field it reads ({@code value="$image"} reads image), or null. */
    public record ObjectTag(String name, String tag, String dataKey) {
    }

    /**
     * A control tag.
     *
     * @param multiple whether several labels may be chosen at once (Choices with choice="multiple")
     */
    public record Control(String name, String tag, List<String> toNames, List<String> labels, boolean multiple) {

        /** The region type Label Studio expects, e.g. {@code rectanglelabels}. */
        public String type() {
            return tag.toLowerCase(Locale.ROOT);
        }

        /** The first object it labels, the usual {@code to_name}. */
        public String toName() {
            return toNames.isEmpty() ? null : toNames.get(0);
        }

        /** The config's spelling of a label, matched case-insensitively; null when the control has no such label. */
        public String label(String label) {
            if (labels.isEmpty()) {
                return label;
            }
            for (String l : labels) {
                if (l.equalsIgnoreCase(label)) {
                    return l;
                }
            }
            return null;
        }
    }

    private final String xml;
    private final Map<String, ObjectTag> objects = new LinkedHashMap<>();
    private final Map<String, Control> controls = new LinkedHashMap<>();

    private LabelConfig(String xml) {
        this.xml = xml;
    }

    /** @throws IllegalArgumentException when the XML cannot be parsed */
    public static LabelConfig parse(String xml) {
        LabelConfig config = new LabelConfig(xml == null ? "" : xml);
        if (xml == null || xml.isBlank()) {
            return config;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            config.walk(b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement());
        } catch (Exception e) {
            throw new IllegalArgumentException("The label config is not valid XML: " + e.getMessage(), e);
        }
        return config;
    }

    private void walk(Element element) {
        String name = element.getAttribute("name");
        String tag = element.getTagName();
        if (OBJECT_TAGS.contains(tag.toLowerCase(Locale.ROOT)) && !name.isEmpty()) {
            String value = element.getAttribute("value");
            objects.put(name, new ObjectTag(name, tag, value.startsWith("$") ? value.substring(1) : null));
        } else if (!name.isEmpty() && !element.getAttribute("toName").isEmpty()) {
            List<String> to = new ArrayList<>();
            for (String t : element.getAttribute("toName").split(",")) {
                to.add(t.strip());
            }
            controls.put(name, new Control(name, tag, List.copyOf(to), labels(element),
                    "multiple".equalsIgnoreCase(element.getAttribute("choice"))));
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                walk((Element) children.item(i));
            }
        }
    }

    private static List<String> labels(Element control) {
        List<String> labels = new ArrayList<>();
        NodeList all = control.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String t = e.getTagName();
            if (t.equalsIgnoreCase("Choice") || t.equalsIgnoreCase("Label")) {
                labels.add(!e.getAttribute("alias").isEmpty() ? e.getAttribute("alias") : e.getAttribute("value"));
            }
        }
        return List.copyOf(labels);
    }

    public String xml() {
        return xml;
    }

    public List<ObjectTag> objects() {
        return List.copyOf(objects.values());
    }

    public List<Control> controls() {
        return List.copyOf(controls.values());
    }

    public Control control(String name) {
        return controls.get(name);
    }

    public ObjectTag object(String name) {
        return objects.get(name);
    }

    /** The first control of a tag ({@code Choices}, {@code Labels}, {@code RectangleLabels}...), or null. */
    public Control firstControl(String tag) {
        return controls.values().stream().filter(c -> c.tag().equalsIgnoreCase(tag)).findFirst().orElse(null);
    }

    /** The first object tag of a kind ({@code Image}, {@code Text}), or null. */
    public ObjectTag firstObject(String tag) {
        return objects.values().stream().filter(o -> o.tag().equalsIgnoreCase(tag)).findFirst().orElse(null);
    }

    /** Null when every region fits this config; else what does not, naming the region and the config's controls. */
    public String problem(List<?> regions) {
        for (int i = 0; i < regions.size(); i++) {
            String p = RegionRules.problem(regions.get(i), controls);
            if (p != null) {
                return "region " + i + ": " + p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        controls.values().forEach(c -> shown.add(c.name() + " (" + c.tag() + " to " + String.join(",", c.toNames())
                + (c.labels().isEmpty() ? "" : ", labels " + c.labels()) + ")"));
        return shown.isEmpty() ? "no control tags" : String.join(", ", shown);
    }
}
