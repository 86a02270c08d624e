package io.camelinference.emulator.commsmining;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.internal.Json;

/**
 * The labelled e-mails the emulator ships ({@code commsmining/emails.jsonl}: one JSON object per line with
 * {@code label}, {@code from}, {@code subject} and {@code body}); the models of the demo dataset are trained on them at
 * start-up, and they are its reviewed comments.
 */
final class TrainingSet {

    /** One reviewed e-mail. */
    record Example(String label, String subject, String body) {

        String text() {
            return subject + "\n" + body;
        }
    }

    private final List<Example> examples;

    private TrainingSet(List<Example> examples) {
        this.examples = List.copyOf(examples);
    }

    static TrainingSet load() {
        return new TrainingSet(readLines("commsmining/emails.jsonl").stream()
                .map(n -> new Example(n.get("label").asText(), n.get("subject").asText(), n.get("body").asText()))
                .toList());
    }

    List<Example> examples() {
        return examples;
    }

    /** The labels in order of first appearance. */
    List<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        examples.forEach(e -> labels.add(e.label()));
        return List.copyOf(labels);
    }

    /**
     * The slice a smaller, older model was trained on: the shipped e-mails come in rounds of one per label; this keeps
     * the rounds whose number modulo {@code modulus} is one of the {@code remainders}, so every label stays represented.
     */
    List<Example> slice(int modulus, int... remainders) {
        int round = labels().size();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            for (int r : remainders) {
                if ((i / round) % modulus == r) {
                    out.add(examples.get(i));
                }
            }
        }
        return out;
    }

    /** A JSON-lines resource of the emulator as JSON objects. */
    static List<JsonNode> readLines(String resource) {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = TrainingSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing emulator resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(Json.parseOrThrow(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
