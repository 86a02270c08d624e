package io.camelinference.common.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The options and headers tables of a component's README, generated from its catalog JSON, so the documentation says
 * what the catalog (and IDE tooling) says. The README holds them between {@code <!-- options:begin -->} /
 * {@code <!-- options:end -->} and {@code <!-- headers:begin -->} / {@code <!-- headers:end -->} markers;
 * {@link CatalogContract} fails when they drift, and rewrites them with {@code -Dreadme.update=true}.
 */
public final class CatalogDocs {

    private CatalogDocs() {
    }

    public static String options(JsonNode catalog) {
        StringBuilder out = new StringBuilder("| option | type | default | description |\n|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : catalog.path("properties").properties()) {
            JsonNode o = e.getValue();
            String name = "`" + e.getKey() + "`" + ("path".equals(o.path("kind").asText()) ? " (path)" : "")
                    + (o.path("secret").asBoolean() ? " (secret)" : "");
            String type = simpleType(o.path("javaType").asText());
            if (o.has("enum")) {
                StringBuilder values = new StringBuilder();
                o.path("enum").forEach(v -> values.append(values.length() == 0 ? "" : ", ").append(v.asText()));
                type = "one of " + values;
            }
            out.append("| ").append(name).append(" | ").append(type).append(" | ")
                    .append(defaultValue(o)).append(" | ").append(cell(o.path("description").asText()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * The catalog's default, except for a {@code Boolean} option left unset: Camel's metadata generator writes false
     * for every boolean without a default, but an unset wrapper means "not set" (the option's description says what
     * happens then, e.g. Deepomatic's publicNetwork is inferred from the id).
     */
    static String defaultValue(JsonNode option) {
        String value = option.path("defaultValue").asText("");
        return "java.lang.Boolean".equals(option.path("javaType").asText()) && "false".equals(value) ? "not set" : value;
    }

    public static String headers(JsonNode catalog) {
        StringBuilder out = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : catalog.path("headers").properties()) {
            JsonNode h = e.getValue();
            out.append("| `").append(e.getKey()).append("` | ")
                    .append(simpleType(h.path("javaType").asText()))
                    .append(" | ").append(cell(h.path("description").asText())).append(" |\n");
        }
        return out.toString();
    }

    /** {@code java.util.List<java.io.File>} as {@code List of File}. */
    static String simpleType(String javaType) {
        String raw = javaType.replaceAll("<.*", "");
        String simple = raw.substring(raw.lastIndexOf('.') + 1);
        int lt = javaType.indexOf('<');
        if (lt > 0 && javaType.endsWith(">")) {
            String inner = javaType.substring(lt + 1, javaType.length() - 1);
            return simple + " of " + inner.replaceAll("[\\w.]*\\.(\\w+)", "$1");
        }
        return simple;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** The README's text between the markers of a block, or null when it has no such block. */
    static String block(String readme, String name) {
        String begin = "<!-- " + name + ":begin -->\n";
        String end = "<!-- " + name + ":end -->";
        int b = readme.indexOf(begin);
        int e = readme.indexOf(end);
        return b < 0 || e < b ? null : readme.substring(b + begin.length(), e);
    }

    /** Rewrites the blocks of the README with the generated tables. */
    static void update(Path readme, String options, String headers) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        text = replace(text, "options", options);
        text = replace(text, "headers", headers);
        Files.writeString(readme, text, StandardCharsets.UTF_8);
    }

    private static String replace(String readme, String name, String content) {
        String old = block(readme, name);
        if (old == null) {
            throw new IllegalStateException("the README has no <!-- " + name + ":begin --> block");
        }
        return readme.replace("<!-- " + name + ":begin -->\n" + old, "<!-- " + name + ":begin -->\n" + content);
    }
}
