package io.camelinference.unitypredict.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A prediction request as UnityPredict takes it. Input values may be plain values or, for File inputs, a
 * {@link java.io.File}, {@link java.nio.file.Path}, {@link java.io.InputStream} or {@code byte[]}: the component
 * uploads those and replaces them with the names the service gives them.
 *
 * @param inputValues     the model's input variables by name
 * @param desiredOutcomes the output variables wanted back; all when null
 * @param contextId       continues a session (chat-style models); a new one when null
 * @param callbackUrl     a public URL the service POSTs the final response to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnityPredictRequest(
        @JsonProperty("InputValues") Map<String, Object> inputValues,
        @JsonProperty("DesiredOutcomes") List<String> desiredOutcomes,
        @JsonProperty("ContextId") String contextId,
        @JsonProperty("CallbackUrl") String callbackUrl) {

    public static UnityPredictRequest of(Map<String, Object> inputValues) {
        return new UnityPredictRequest(inputValues, null, null, null);
    }
}
