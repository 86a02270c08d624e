package io.camelinference.emulator.deepomatic;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;

/**
 * Reads an inference request, JSON or multipart, into image inputs and options. Messages name the offending field the
 * way the real API does ({@code inputs[0].image.source: ...}); every problem is an {@link IllegalArgumentException}.
 */
final class InferenceInputs {

    /**
     * An image input after validation: its bytes, optional crop box (xmin, ymin, xmax, ymax), optional polygon (points
     * x, y) and whether its uniform background is cut off; coordinates are relative to the image, origin top-left.
     */
    record Input(byte[] image, double[] bbox, double[][] polygon, boolean cropUniformBackground) {
    }

    /** The options of one inference call. */
    record Options(boolean showDiscarded, Integer maxPredictions) {
    }

    private final EmulatorContext ctx;

    InferenceInputs(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    List<Input> fromJson(JsonNode body) {
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs: This field is required: a list like [{\"image\": {\"source\":"
                    + " \"https://...\"}}].");
        }
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode image = inputs.get(i).get("image");
            if (image == null || !image.isObject() || !image.path("source").isTextual()) {
                throw new IllegalArgumentException("inputs[" + i + "].image.source: This field is required (an http"
                        + " URL or a data:image/*;base64, string).");
            }
            out.add(new Input(source(image.get("source").asText(), i), bbox(image.get("bbox"), i),
                    polygon(image.get("polygon"), i), flag(image.get("crop_uniform_background"),
                    "inputs[" + i + "].image.crop_uniform_background")));
        }
        return out;
    }

    /**
     * Multipart fields named like the SDK sends them: {@code inputs[0]image.source}, {@code inputs[0]image.bbox.xmin},
     * {@code inputs[0]image.polygon[0]x}, {@code inputs[0]image.crop_uniform_background}.
     */
    List<Input> fromMultipart(List<Multipart.Part> parts) {
        Map<Integer, byte[]> sources = new TreeMap<>();
        Map<Integer, ObjectNode> boxes = new TreeMap<>();
        Map<Integer, Map<Integer, ObjectNode>> polygons = new TreeMap<>();
        Map<Integer, JsonNode> crops = new TreeMap<>();
        for (Multipart.Part part : parts) {
            if (!part.name().startsWith("inputs[")) {
                continue;
            }
            int close = part.name().indexOf(']');
            int index;
            try {
                index = Integer.parseInt(part.name().substring("inputs[".length(), close));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(part.name() + ": expected a field like inputs[0]image.source");
            }
            String rest = part.name().substring(close + 1);
            if (rest.equals("image.source")) {
                sources.put(index, part.fileName() != null ? part.data() : source(part.text(), index));
            } else if (rest.startsWith("image.bbox.")) {
                ObjectNode box = boxes.computeIfAbsent(index, k -> Json.object());
                box.put(rest.substring("image.bbox.".length()), number(part));
            } else if (rest.startsWith("image.polygon[") && rest.indexOf(']') > 0) {
                int end = rest.indexOf(']');
                int point;
                try {
                    point = Integer.parseInt(rest.substring("image.polygon[".length(), end));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(part.name() + ": expected a field like inputs[0]image.polygon[0]x");
                }
                polygons.computeIfAbsent(index, k -> new TreeMap<>()).computeIfAbsent(point, k -> Json.object())
                        .put(rest.substring(end + 1), number(part));
            } else if (rest.equals("image.crop_uniform_background")) {
                crops.put(index, Json.MAPPER.getNodeFactory().textNode(part.text()));
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("inputs[0]image.source: This field is required (a file part, an http"
                    + " URL or a data:image/*;base64, string).");
        }
        List<Input> out = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> s : sources.entrySet()) {
            int i = s.getKey();
            ArrayNode points = null;
            if (polygons.containsKey(i)) {
                points = Json.array();
                polygons.get(i).values().forEach(points::add);
            }
            out.add(new Input(s.getValue(), bbox(boxes.get(i), i), polygon(points, i),
                    flag(crops.get(i), "inputs[" + i + "].image.crop_uniform_background")));
        }
        return out;
    }

    private static double number(Multipart.Part part) {
        try {
            return Double.parseDouble(part.text().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(part.name() + ": a number is required.");
        }
    }

    /** At least 3 points {x, y} between 0 and 1, or null. */
    private static double[][] polygon(JsonNode points, int index) {
        if (points == null || points.isNull()) {
            return null;
        }
        String field = "inputs[" + index + "].image.polygon";
        if (!points.isArray() || points.size() < 3) {
            throw new IllegalArgumentException(field + ": a list of at least 3 points {\"x\": .., \"y\": ..} is"
                    + " required.");
        }
        double[][] out = new double[points.size()][];
        for (int p = 0; p < points.size(); p++) {
            JsonNode x = points.get(p).get("x");
            JsonNode y = points.get(p).get("y");
            if (x == null || y == null || !x.isNumber() || !y.isNumber() || x.asDouble() < 0 || x.asDouble() > 1
                    || y.asDouble() < 0 || y.asDouble() > 1) {
                throw new IllegalArgumentException(field + "[" + p + "]: x and y between 0 and 1 are required"
                        + " (coordinates are relative to the image size).");
            }
            out[p] = new double[] {x.asDouble(), y.asDouble()};
        }
        return out;
    }

    /** A boolean field (true, false, 1, 0, True, False); false when absent. */
    private static boolean flag(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return false;
        }
        String s = value.asText().trim().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false") && !s.equals("1") && !s.equals("0")) {
            throw new IllegalArgumentException(field + ": Must be a valid boolean.");
        }
        return s.equals("true") || s.equals("1");
    }

    /** The image bytes of a textual source: a data URI, or a URL of one of the emulator's own sample images. */
    private byte[] source(String source, int index) {
        String field = "inputs[" + index + "].image.source";
        if (source.startsWith("data:")) {
            int comma = source.indexOf(',');
            if (comma < 0 || !source.substring(0, comma).endsWith(";base64") || !source.startsWith("data:image/")) {
                throw new IllegalArgumentException(field + ": a data URI must start with data:image/*;base64,");
            }
            try {
                return Base64.getMimeDecoder().decode(source.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": the data URI is not valid base64 (" + e.getMessage() + ")");
            }
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            return sampleImage(source, field);
        }
        throw new IllegalArgumentException(field + ": expected an http(s) URL or a data:image/*;base64, string, got \""
                + (source.length() > 40 ? source.substring(0, 40) + "..." : source) + "\".");
    }

    /** The emulator fetches nothing from the internet: only its own sample images are URLs it can read. */
    private byte[] sampleImage(String source, String field) {
        String images = DeepomaticProvider.IMAGES;
        if (!ctx.isLocalUrl(source)) {
            String host;
            try {
                host = URI.create(source).getHost();
            } catch (IllegalArgumentException e) {
                host = source;
            }
            throw new IllegalArgumentException(field + ": the emulator does not fetch images from " + host
                    + "; it only fetches its own samples under " + ctx.baseUrl() + images + "/ "
                    + SampleImages.all().keySet() + ", or send the image itself (multipart or data URI).");
        }
        String path = URI.create(source).getPath();
        String name = path.startsWith(images + "/") ? path.substring(images.length() + 1) : null;
        byte[] image = name == null ? null : SampleImages.get(name);
        if (image == null) {
            throw new IllegalArgumentException(field + ": " + source + " is not one of the emulator's sample"
                    + " images " + SampleImages.all().keySet() + " under " + ctx.baseUrl() + images + "/.");
        }
        return image;
    }

    private static double[] bbox(JsonNode box, int index) {
        if (box == null || box.isNull()) {
            return null;
        }
        String field = "inputs[" + index + "].image.bbox";
        double[] v = new double[4];
        String[] names = {"xmin", "ymin", "xmax", "ymax"};
        for (int i = 0; i < 4; i++) {
            JsonNode n = box.get(names[i]);
            if (n == null || !n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
                throw new IllegalArgumentException(field + "." + names[i] + ": a number between 0 and 1 is required"
                        + " (coordinates are relative to the image size).");
            }
            v[i] = n.asDouble();
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw new IllegalArgumentException(field + ": xmin must be below xmax and ymin below ymax.");
        }
        return v;
    }

    /** The options from JSON fields or multipart text fields (booleans may be {@code true}, {@code 1}, ...). */
    static Options options(JsonNode showDiscarded, JsonNode maxPredictions) {
        boolean show = false;
        if (showDiscarded != null && !showDiscarded.isNull()) {
            String s = showDiscarded.asText().trim().toLowerCase(Locale.ROOT);
            if (!s.equals("true") && !s.equals("false") && !s.equals("1") && !s.equals("0")) {
                throw new IllegalArgumentException("show_discarded: Must be a valid boolean.");
            }
            show = s.equals("true") || s.equals("1");
        }
        Integer max = null;
        if (maxPredictions != null && !maxPredictions.isNull()) {
            try {
                max = Integer.parseInt(maxPredictions.asText().trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1) {
                throw new IllegalArgumentException("max_predictions: A positive integer is required.");
            }
        }
        return new Options(show, max);
    }

    /** A multipart text field as a JSON text node, or null. */
    static JsonNode field(List<Multipart.Part> parts, String name) {
        for (Multipart.Part p : parts) {
            if (p.name().equals(name)) {
                return Json.MAPPER.getNodeFactory().textNode(p.text());
            }
        }
        return null;
    }
}
