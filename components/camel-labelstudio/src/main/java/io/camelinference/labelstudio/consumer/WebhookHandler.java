package io.camelinference.labelstudio.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.camelinference.common.json.Json;
import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.model.LabelConfig;
import io.camelinference.labelstudio.model.LabelStudioEvent;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * {@code POST /webhook}: a training or annotation event becomes an exchange (the event as body, the action in
 * {@code CamelLabelStudioAction}); answered 201 {@code {result, status: "ok"}} when the route finished, 500 when it
 * failed (Label Studio then sets the backend's state to ER). Other events are answered 200
 * {@code {status: "Unknown event"}} without an exchange, as label-studio-ml-backend does.
 */
final class WebhookHandler extends AsyncProcessorSupport {

    static final Set<String> EVENTS = Set.of("START_TRAINING", "ANNOTATION_CREATED", "ANNOTATION_UPDATED",
            "ANNOTATION_DELETED");

    private final MlBackendConsumer consumer;

    WebhookHandler(MlBackendConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean process(Exchange http, AsyncCallback callback) {
        Map<String, Object> payload;
        try {
            payload = Json.mapper().readValue(http.getMessage().getBody(String.class), Map.class);
        } catch (Exception e) {
            BackendAnswers.error(http, 400, "the webhook body is not a JSON object: " + e.getMessage(), null);
            callback.done(true);
            return true;
        }
        Object action = payload == null ? null : payload.get("action");
        if (action == null || !EVENTS.contains(action.toString())) {
            BackendAnswers.json(http, 200, Map.of("status", "Unknown event"));
            callback.done(true);
            return true;
        }
        Map<String, Object> project = payload.get("project") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        Long projectId = project.get("id") instanceof Number n ? n.longValue() : null;
        LabelConfig config;
        try {
            config = PredictRequest.config(project.get("label_config") == null ? ""
                    : project.get("label_config").toString());
        } catch (IllegalArgumentException e) {
            // thrown out of process() it would be answered by platform-http, not in the protocol's error shape
            BackendAnswers.error(http, 400, "the webhook's project.label_config: " + e.getMessage(), null);
            callback.done(true);
            return true;
        }
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setBody(new LabelStudioEvent(action.toString(), projectId, config, payload));
        exchange.getMessage().setHeader(LabelStudioConstants.ACTION, action.toString());
        if (projectId != null) {
            exchange.getMessage().setHeader(LabelStudioConstants.PROJECT_ID, projectId);
        }
        consumer.getAsyncProcessor().process(exchange, sync -> {
            try {
                if (exchange.getException() != null) {
                    BackendAnswers.error(http, 500, BackendAnswers.describe(exchange.getException()), null);
                } else {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("result", result(exchange.getMessage().getBody()));
                    answer.put("status", "ok");
                    BackendAnswers.json(http, 201, answer);
                }
            } finally {
                consumer.releaseExchange(exchange, false);
                callback.done(false);
            }
        });
        return false;
    }

    /** What the route answered, when it is plain data; the event itself (the route answered nothing) is not. */
    private static Object result(Object body) {
        return body instanceof Map<?, ?> || body instanceof java.util.Collection<?> || body instanceof CharSequence
                || body instanceof Number || body instanceof Boolean ? body : null;
    }
}
