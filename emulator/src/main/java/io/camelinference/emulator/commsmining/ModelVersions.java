package io.camelinference.emulator.commsmining;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.spi.ApiError;

/**
 * The pinned model versions of the demo dataset, trained once at start-up on the shipped e-mails: version 1 on a third
 * of them, version 2 on two thirds ({@code live}), version 3 on all ({@code staging} and {@code latest}). A URL's
 * {@code {version}} is one of those numbers or {@code live}, {@code staging}, {@code latest} (any case).
 */
final class ModelVersions {

    static final int LIVE = 2;
    static final int STAGING = 3;

    private final Taxonomy taxonomy;
    private final List<TrainingSet.Example> reviewed;
    private final Map<Integer, LabelModel> models = new TreeMap<>();
    private final Map<Integer, ObjectNode> validations = new ConcurrentHashMap<>();

    ModelVersions(TrainingSet set) {
        this.taxonomy = new Taxonomy(set.labels(), Set.of("Feedback", "Feedback > Complaint", "Feedback > Compliment",
                "Order > Damaged Item"));
        this.reviewed = set.examples();
        Instant base = Instant.parse("2024-02-01T09:00:00Z");
        models.put(1, LabelModel.train(1, base, taxonomy, set.slice(5, 0)));
        models.put(2, LabelModel.train(2, base.plusSeconds(86_400 * 7), taxonomy, set.slice(5, 0, 1, 2)));
        models.put(3, LabelModel.train(3, base.plusSeconds(86_400 * 14), taxonomy, set.examples()));
    }

    Taxonomy taxonomy() {
        return taxonomy;
    }

    List<TrainingSet.Example> reviewed() {
        return reviewed;
    }

    LabelModel get(int version) {
        return models.get(version);
    }

    /** The model a URL's version names; a 404 naming the versions that exist otherwise. */
    LabelModel resolve(String version, String dataset) {
        String v = version.strip().toLowerCase(Locale.ROOT);
        int number;
        switch (v) {
            case "live" -> number = LIVE;
            case "staging", "latest" -> number = STAGING;
            default -> {
                try {
                    number = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new ApiError(404, "Model version '" + version + "' is not a version number, live, staging"
                            + " or latest");
                }
            }
        }
        LabelModel model = models.get(number);
        if (model == null) {
            throw new ApiError(404, "Model version " + number + " does not exist in dataset " + dataset
                    + " (versions " + models.keySet() + ")");
        }
        return model;
    }

    /** The validation of a version, computed once. */
    ObjectNode validation(LabelModel model) {
        return validations.computeIfAbsent(model.version(), v -> Validation.of(model, reviewed)).deepCopy();
    }
}
