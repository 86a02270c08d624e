package io.camelinference.unitypredict.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelinference.common.json.Json;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import io.camelinference.unitypredict.operation.PredictResult;
import org.apache.camel.Exchange;

/**
 * {@code unitypredict:callback}: a CallbackUrl POST's body to a {@link UnityPredictResponse}; the response (and the
 * File outcomes downloaded for it) to body and headers, the same headers predict and status set.
 */
public final class CallbackBinding {

    private CallbackBinding() {
    }

    /**
     * The response the service posted.
     *
     * @throws IllegalArgumentException when the body is not a UnityPredict response with a request id
     */
    public static UnityPredictResponse read(String body) {
        UnityPredictResponse response;
        try {
            response = body == null || body.isBlank() ? null : Json.mapper().readValue(body, UnityPredictResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not a UnityPredict response (JSON with requestId and"
                    + " status): " + e.getOriginalMessage());
        }
        if (response == null || response.requestId() == null || response.requestId().isBlank()) {
            throw new IllegalArgumentException("the body is not a UnityPredict response: it has no requestId");
        }
        return response;
    }

    public static void write(Exchange exchange, PredictResult result) {
        ResponseHeaders.write(exchange.getMessage(), result);
    }
}
