package io.camelinference.springboot.test;

import java.beans.PropertyDescriptor;
import java.util.Collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;

/**
 * Spring Boot's configuration metadata for a starter, written from the component's catalog, so IDEs complete
 * {@code camel.component.<scheme>.*} with the catalog's descriptions and defaults. Types are the starter's own
 * (durations as java.time.Duration, so 10s works).
 */
final class StarterMetadata {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StarterMetadata() {
    }

    static String write(JsonNode catalog, String prefix, Class<?> propertiesClass,
                        Collection<PropertyDescriptor> properties) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        groups.addObject().put("name", prefix).put("type", propertiesClass.getName())
                .put("sourceType", propertiesClass.getName());
        groups.addObject().put("name", prefix + ".customizer")
                .put("type", ComponentConfigurationPropertiesCommon.CustomizerProperties.class.getName())
                .put("sourceType", propertiesClass.getName()).put("sourceMethod", "getCustomizer()");
        ArrayNode list = root.putArray("properties");
        list.addObject().put("name", prefix + ".customizer.enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether the starter's customizer configures the component.")
                .put("sourceType", ComponentConfigurationPropertiesCommon.CustomizerProperties.class.getName());
        list.addObject().put("name", prefix + ".enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether to enable auto configuration of the component. This is enabled by default.")
                .put("sourceType", propertiesClass.getName());
        for (PropertyDescriptor p : properties) {
            JsonNode option = catalog.path("componentProperties").path(p.getName());
            ObjectNode entry = list.addObject();
            entry.put("name", prefix + "." + kebab(p.getName()));
            entry.put("type", p.getReadMethod().getGenericReturnType().getTypeName().replace(", ", ","));
            entry.put("description", option.path("description").asText());
            entry.put("sourceType", propertiesClass.getName());
            JsonNode def = option.get("defaultValue");
            // Camel's generator writes false for every boolean without a default; an unset Boolean means "not set"
            boolean unsetWrapper = "java.lang.Boolean".equals(option.path("javaType").asText())
                    && def != null && "false".equals(def.asText());
            if (def != null && !def.isNull() && !unsetWrapper) {
                if ("duration".equals(option.path("type").asText())) {
                    entry.put("defaultValue", def.asText() + "ms");
                } else {
                    entry.set("defaultValue", def);
                }
            }
        }
        root.putArray("hints");
        return JSON.writeValueAsString(root) + "\n";
    }

    static String kebab(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('-').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
