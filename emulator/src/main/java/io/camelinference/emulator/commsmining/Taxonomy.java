package io.camelinference.emulator.commsmining;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.camelinference.emulator.internal.Json;

/**
 * The dataset's label hierarchy: leaf labels like {@code Billing > Refund} as the shipped e-mails are labelled, their
 * parents ({@code Billing}), and which labels carry a sentiment. Names are written {@code "Parent > Child"} in text and
 * {@code ["Parent", "Child"]} in the API.
 */
final class Taxonomy {

    static final String SEPARATOR = " > ";

    private final List<String> leaves;
    private final List<String> all;
    private final Set<String> withSentiment;

    Taxonomy(List<String> leaves, Set<String> withSentiment) {
        this.leaves = List.copyOf(leaves);
        Set<String> names = new LinkedHashSet<>();
        for (String leaf : leaves) {
            List<String> parts = parts(leaf);
            for (int i = 1; i < parts.size(); i++) {
                names.add(String.join(SEPARATOR, parts.subList(0, i)));
            }
            names.add(leaf);
        }
        this.all = List.copyOf(names);
        this.withSentiment = Set.copyOf(withSentiment);
    }

    /** Leaf labels, as trained. */
    List<String> leaves() {
        return leaves;
    }

    /** Parents and leaves, parents first. */
    List<String> all() {
        return all;
    }

    boolean contains(String name) {
        return all.contains(name);
    }

    boolean hasSentiment(String name) {
        return withSentiment.contains(name);
    }

    /** Whether {@code leaf} is {@code label} or one of its descendants. */
    static boolean isUnder(String leaf, String label) {
        return leaf.equals(label) || leaf.startsWith(label + SEPARATOR);
    }

    static List<String> parts(String name) {
        List<String> out = new ArrayList<>();
        for (String p : name.split(" > ")) {
            out.add(p.strip());
        }
        return out;
    }

    static ArrayNode partsJson(String name) {
        ArrayNode a = Json.array();
        parts(name).forEach(a::add);
        return a;
    }

    /**
     * A label name from the API: an array of parts, or (as older clients send it) one string with {@code " > "}.
     *
     * @return null when the node is neither
     */
    static String name(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return String.join(SEPARATOR, parts(node.asText()));
        }
        if (node.isArray() && node.size() > 0) {
            List<String> parts = new ArrayList<>();
            for (JsonNode p : node) {
                if (!p.isTextual() || p.asText().isBlank()) {
                    return null;
                }
                parts.add(p.asText().strip());
            }
            return String.join(SEPARATOR, parts);
        }
        return null;
    }

    /** Lower-case key for comparisons that ignore case. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
