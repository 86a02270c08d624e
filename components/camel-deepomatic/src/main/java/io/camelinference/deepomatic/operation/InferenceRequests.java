package io.camelinference.deepomatic.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelinference.common.body.MultipartFormBody;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.body.UploadSource;
import org.apache.hc.core5.http.ContentType;

/**
 * The body of one inference request: a streamed multipart upload for file content (the keys the official client
 * sends, {@code inputs[0]image.source}, {@code inputs[0]image.polygon[0]x}), JSON for URLs and data URIs. Like the
 * official client, it always says whether to crop the uniform background.
 */
final class InferenceRequests {

    private InferenceRequests() {
    }

    /**
     * @param upload the image's content with a known length, or null for a URL / data URI
     */
    static RequestBody body(ImageInput image, UploadSource upload, InferenceOptions options) {
        if (upload != null) {
            MultipartFormBody.Builder form = MultipartFormBody.builder()
                    .file("inputs[0]image.source", upload, imageType(image.name()));
            form.field("inputs[0]image.crop_uniform_background", String.valueOf(options.cropUniformBackground()));
            if (options.bbox() != null) {
                form.field("inputs[0]image.bbox.xmin", String.valueOf(options.bbox().xmin()))
                        .field("inputs[0]image.bbox.ymin", String.valueOf(options.bbox().ymin()))
                        .field("inputs[0]image.bbox.xmax", String.valueOf(options.bbox().xmax()))
                        .field("inputs[0]image.bbox.ymax", String.valueOf(options.bbox().ymax()));
            }
            if (options.polygon() != null) {
                // the keys the official client's multipart flattening makes of a list of points
                for (int i = 0; i < options.polygon().size(); i++) {
                    form.field("inputs[0]image.polygon[" + i + "]x", String.valueOf(options.polygon().get(i).x()))
                            .field("inputs[0]image.polygon[" + i + "]y", String.valueOf(options.polygon().get(i).y()));
                }
            }
            form.field("show_discarded", String.valueOf(options.showDiscarded()));
            if (options.maxPredictions() != null) {
                form.field("max_predictions", String.valueOf(options.maxPredictions()));
            }
            return form.build();
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source", image.source());
        source.put("crop_uniform_background", options.cropUniformBackground());
        if (options.bbox() != null) {
            source.put("bbox", options.bbox());
        }
        if (options.polygon() != null) {
            source.put("polygon", options.polygon());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inputs", List.of(Map.of("image", source)));
        json.put("show_discarded", options.showDiscarded());
        if (options.maxPredictions() != null) {
            json.put("max_predictions", options.maxPredictions());
        }
        return RequestBody.json(json);
    }

    static ContentType imageType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return ContentType.IMAGE_PNG;
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return ContentType.IMAGE_JPEG;
        }
        if (n.endsWith(".gif")) {
            return ContentType.IMAGE_GIF;
        }
        if (n.endsWith(".bmp")) {
            return ContentType.IMAGE_BMP;
        }
        if (n.endsWith(".webp")) {
            return ContentType.IMAGE_WEBP;
        }
        return ContentType.APPLICATION_OCTET_STREAM;
    }
}
