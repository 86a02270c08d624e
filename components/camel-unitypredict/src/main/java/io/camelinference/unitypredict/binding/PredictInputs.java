package io.camelinference.unitypredict.binding;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.json.Json;
import io.camelinference.unitypredict.model.UnityPredictRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads a predict body into input values, refusing anything it cannot send as the user meant before any call is made:
 * a {@link UnityPredictRequest}; a Map of input values; a JSON object String (plain input values, or a request with
 * InputValues); a file body (File, Path, InputStream, byte[], a file from the file consumer) for the model's File input;
 * or a bean whose properties are the input values.
 */
final class PredictInputs {

    static final String ACCEPTED = "a Map of input values, a JSON object String, a UnityPredictRequest, a bean of input"
            + " values, or a file (File, Path, InputStream, byte[]) with fileInputName set";

    private PredictInputs() {
    }

    static UnityPredictRequest read(Message in, String fileInputName) {
        Object body = in.getBody();
        if (body == null) {
            throw new IllegalArgumentException("unitypredict:predict needs input values but the body is empty: send "
                    + ACCEPTED);
        }
        UnityPredictRequest request;
        if (body instanceof UnityPredictRequest r) {
            request = r;
        } else if (body instanceof Map<?, ?> map) {
            request = UnityPredictRequest.of(stringKeys(map));
        } else if (UploadSource.isUploadable(body)) {
            request = fileRequest(body, fileInputName);
        } else if (body instanceof CharSequence text) {
            request = parseJson(text.toString());
        } else if (body instanceof Number || body instanceof Boolean || body instanceof Collection<?>
                || body.getClass().isArray() || body instanceof Character) {
            throw refused(body);
        } else {
            Map<?, ?> properties;
            try {
                properties = Json.convert(body, Map.class);
            } catch (IllegalArgumentException notABean) {
                throw refused(body);
            }
            if (properties == null || properties.isEmpty()) {
                throw refused(body);
            }
            request = UnityPredictRequest.of(stringKeys(properties));
        }
        if (request.inputValues() == null || request.inputValues().isEmpty()) {
            throw new IllegalArgumentException("unitypredict:predict got no input values: send " + ACCEPTED);
        }
        return request;
    }

    private static UnityPredictRequest fileRequest(Object body, String fileInputName) {
        if (fileInputName == null || fileInputName.isBlank()) {
            throw new IllegalArgumentException("unitypredict:predict got a file body (" + body.getClass().getSimpleName()
                    + ") but no fileInputName: set fileInputName (or the header CamelUnityPredictFileInputName) to the"
                    + " model's File input variable, or send a Map of input values");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(fileInputName, body);
        return UnityPredictRequest.of(values);
    }

    private static IllegalArgumentException refused(Object body) {
        return new IllegalArgumentException("unitypredict:predict cannot send a body of type "
                + body.getClass().getName() + ": send " + ACCEPTED + "; nothing was sent");
    }

    private static UnityPredictRequest parseJson(String text) {
        Map<String, Object> map;
        try {
            Object parsed = Json.mapper().readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?> object)) {
                throw new IllegalArgumentException("unitypredict:predict expects a String body to be a JSON object of"
                        + " input values like {\"Age\": 61, \"Chol\": 120}, or {\"InputValues\": {...},"
                        + " \"DesiredOutcomes\": [...]}; it is a JSON " + (parsed == null ? "null" : "value of type "
                        + parsed.getClass().getSimpleName()) + ". Send " + ACCEPTED);
            }
            map = stringKeys(object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unitypredict:predict expects a String body to be a JSON object: input"
                    + " values like {\"Age\": 61, \"Chol\": 120}, or {\"InputValues\": {...}, \"DesiredOutcomes\":"
                    + " [...]}; it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (map.containsKey("InputValues")) {
            return Json.convert(map, UnityPredictRequest.class);
        }
        return UnityPredictRequest.of(map);
    }

    /** The inputs that are file content, as upload sources named after the file (or the input). */
    static Map<String, UploadSource> files(UnityPredictRequest request, Message in) {
        Map<String, UploadSource> files = Map.of(); // most predictions have no file: nothing allocated for them
        String fileName = null;
        for (Map.Entry<String, Object> input : request.inputValues().entrySet()) {
            if (UploadSource.isUploadable(input.getValue())) {
                if (files.isEmpty()) {
                    files = new LinkedHashMap<>();
                    fileName = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
                }
                String fallback = fileName != null ? fileName : input.getKey().replaceAll("[^A-Za-z0-9._-]", "_");
                UploadSource source = UploadSource.from(input.getValue(), fallback);
                if (source.length() == 0) {
                    throw new IllegalArgumentException("unitypredict:predict got an empty file for input "
                            + input.getKey() + " (" + source.name() + ", 0 bytes): nothing to predict, nothing was"
                            + " sent");
                }
                files.put(input.getKey(), source);
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("unitypredict:predict input names must be Strings, found key "
                        + key + " of type " + (key == null ? "null" : key.getClass().getSimpleName()));
            }
        }
        return (Map<String, Object>) map;
    }
}
