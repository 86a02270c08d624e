package io.camelinference.commsmining.operation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.commsmining.model.CommsMiningComment;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.Entity;
import io.camelinference.commsmining.model.LabelProperty;
import io.camelinference.commsmining.model.PredictResponse;
import io.camelinference.commsmining.model.PredictedLabel;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.json.Json;

/**
 * Splits a predict answer (parallel arrays: predictions, entities, label properties, comments) into one prediction per
 * document, in request order. Label properties are read per document, or, when the service gives one flat list for a
 * one-document request, as that document's.
 */
final class Responses {

    private Responses() {
    }

    static List<Predicted> split(PredictResponse response, int documents) {
        List<List<PredictedLabel>> labels = response.predictions();
        if (labels == null || labels.size() != documents) {
            throw new InferenceException("commsmining", "Communications Mining answered " + (labels == null ? 0
                    : labels.size()) + " predictions for " + documents + " documents; expected one per document");
        }
        List<List<LabelProperty>> properties = properties(response.labelProperties(), documents);
        List<Predicted> out = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            List<Entity> entities = response.entities() != null && i < response.entities().size()
                    ? response.entities().get(i) : List.of();
            CommsMiningComment comment = response.comments() != null && i < response.comments().size()
                    ? response.comments().get(i) : null;
            out.add(new Predicted(new CommsMiningPrediction(null, labels.get(i), entities, properties.get(i), comment),
                    response.model()));
        }
        return out;
    }

    private static List<List<LabelProperty>> properties(JsonNode node, int documents) {
        List<List<LabelProperty>> out = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            out.add(null);
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            return out;
        }
        if (node.get(0).isArray()) {
            for (int i = 0; i < documents && i < node.size(); i++) {
                out.set(i, list(node.get(i)));
            }
        } else if (documents == 1) {
            out.set(0, list(node));
        }
        return out;
    }

    private static List<LabelProperty> list(JsonNode array) {
        List<LabelProperty> out = new ArrayList<>();
        array.forEach(p -> out.add(Json.convert(p, LabelProperty.class)));
        return out;
    }
}
