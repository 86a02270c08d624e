package io.camelinference.deepomatic.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelinference.common.body.UploadSource;
import io.camelinference.common.json.Json;
import io.camelinference.deepomatic.operation.NetworkUpload;

/**
 * Reads the body of create-network: a Map whose file values (File, Path, byte array, InputStream, a file from the file
 * consumer) are the model files, by part name, and whose other values are the network's fields, objects sent as JSON
 * text as the multipart upload carries them. Checked as the official client checks its arguments: name, framework and
 * preprocessing required, nothing else but description, metadata and postprocessings, and at least one file.
 */
final class NetworkUploads {

    static final List<String> FIELDS = List.of("name", "description", "metadata", "framework", "preprocessing",
            "postprocessings");
    static final List<String> REQUIRED = List.of("name", "framework", "preprocessing");

    private NetworkUploads() {
    }

    static NetworkUpload read(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("deepomatic:create-network needs a Map in the body: the fields "
                    + String.join(", ", FIELDS) + " and the model files (File, Path, byte array or InputStream values,"
                    + " by file name); got " + (body == null ? "nothing" : body.getClass().getSimpleName()));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, UploadSource> files = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (UploadSource.isUploadable(e.getValue())) {
                UploadSource file = UploadSource.from(e.getValue(), name);
                if (file.length() == 0) {
                    throw new IllegalArgumentException("deepomatic:create-network got an empty file '" + name
                            + "' (0 bytes); nothing was sent");
                }
                files.put(name, file);
            } else {
                fields.put(name, e.getValue());
            }
        }
        Bodies.check(fields, FIELDS, REQUIRED, "create-network");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("deepomatic:create-network needs the network's model files in the Map"
                    + " (File, Path, byte array or InputStream values by file name, e.g. saved_model.pb); nothing"
                    + " was sent");
        }
        Map<String, String> text = new LinkedHashMap<>();
        fields.forEach((name, value) -> text.put(name, value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean ? value.toString() : Json.mapper().valueToTree(value).toString()));
        return new NetworkUpload(text, files);
    }
}
