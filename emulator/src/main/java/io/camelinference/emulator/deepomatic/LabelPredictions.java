package io.camelinference.emulator.deepomatic;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * Runs the model behind one output of a specification and renders {@code {labels: {predicted, discarded}}}: the
 * classifier for roi {@code NONE}, the detector (with boxes) for {@code BBOX}, reporting only the spec's labels.
 */
final class LabelPredictions {

    private LabelPredictions() {
    }

    static ObjectNode run(JsonNode specLabels, Raster raster, InferenceInputs.Options options) {
        boolean bbox = "BBOX".equals(specLabels.path("roi").asText("NONE"));
        ImageModel model = bbox ? new ColorBlobDetector() : new DominantColorModel();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (JsonNode label : specLabels.path("labels")) {
            ids.put(label.path("name").asText().toLowerCase(Locale.ROOT), label.path("id").asInt());
        }
        ArrayNode predicted = Json.array();
        ArrayNode discarded = Json.array();
        int region = 0;
        for (Scored s : model.run(raster)) {
            Integer labelId = ids.get(s.label());
            if (labelId == null) {
                continue;
            }
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
