package io.camelinference.emulator.deepomatic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * Runs the model behind one output of a specification and renders {@code {labels: {predicted, discarded}}}: the
 * classifier for roi {@code NONE}, the detector (with boxes) for {@code BBOX}, reporting only the spec's labels. A
 * recognition version's thresholds (one per label of the output) replace the model's; an exclusive output still
 * predicts at most its best label.
 */
final class LabelPredictions {

    private LabelPredictions() {
    }

    static ObjectNode run(JsonNode specLabels, Raster raster, InferenceInputs.Options options) {
        return run(specLabels, raster, options, null);
    }

    /**
     * @param thresholds one per label of the output, in the order of its labels, or null for the model's own
     */
    static ObjectNode run(JsonNode specLabels, Raster raster, InferenceInputs.Options options, double[] thresholds) {
        boolean bbox = "BBOX".equals(specLabels.path("roi").asText("NONE"));
        boolean exclusive = specLabels.path("exclusive").asBoolean(false);
        List<JsonNode> labelList = new ArrayList<>();
        specLabels.path("labels").forEach(labelList::add);
        ImageModel model = bbox ? new ColorBlobDetector() : new DominantColorModel();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (JsonNode label : specLabels.path("labels")) {
            ids.put(label.path("name").asText().toLowerCase(Locale.ROOT), label.path("id").asInt());
        }
        ArrayNode predicted = Json.array();
        ArrayNode discarded = Json.array();
        int region = 0;
        boolean onePredicted = false;
        for (Scored scored : model.run(raster)) {
            Integer labelId = ids.get(scored.label());
            if (labelId == null) {
                continue;
            }
            Scored s = scored;
            if (thresholds != null) {
                int index = indexOf(labelList, labelId);
                double threshold = index >= 0 && index < thresholds.length ? thresholds[index] : s.threshold();
                s = new Scored(s.label(), s.score(), threshold, s.box());
            }
            if (exclusive && thresholds != null && s.predicted() && onePredicted) {
                // an exclusive output predicts one label: the others stay just below their (raised) threshold
                s = new Scored(s.label(), s.score(), Math.nextUp(s.score()), s.box());
            }
            onePredicted |= s.predicted();
            ObjectNode p = Json.object();
            p.put("label_id", labelId);
            p.put("label_name", originalName(specLabels, labelId));
            p.put("score", s.score());
            p.put("threshold", s.threshold());
            if (bbox) {
                ObjectNode roi = p.putObject("roi");
                roi.put("region_id", ++region);
                ObjectNode box = roi.putObject("bbox");
                box.put("xmin", s.box()[0]);
                box.put("ymin", s.box()[1]);
                box.put("xmax", s.box()[2]);
                box.put("ymax", s.box()[3]);
            }
            ArrayNode target = s.predicted() ? predicted : discarded;
            if (options.maxPredictions() == null || target.size() < options.maxPredictions()) {
                target.add(p);
            }
        }
        ObjectNode out = Json.object();
        ObjectNode labels = out.putObject("labels");
        labels.set("predicted", predicted);
        labels.set("discarded", options.showDiscarded() ? discarded : Json.array());
        return out;
    }

    private static int indexOf(List<JsonNode> labels, int id) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).path("id").asInt() == id) {
                return i;
            }
        }
        return -1;
    }

    /** The label's name as the spec spells it (the model matches names case-insensitively). */
    private static String originalName(JsonNode specLabels, int id) {
        for (JsonNode label : specLabels.path("labels")) {
            if (label.path("id").asInt() == id) {
                return label.path("name").asText();
            }
        }
        return "";
    }
}
