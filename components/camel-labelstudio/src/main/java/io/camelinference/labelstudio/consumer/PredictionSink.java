package io.camelinference.labelstudio.consumer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.camelinference.labelstudio.LabelStudioConfiguration;
import io.camelinference.labelstudio.client.LabelStudioClient;
import io.camelinference.labelstudio.model.LabelStudioTask;
import io.camelinference.labelstudio.model.PredictionRequest;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * predictMode=async: stores each task's prediction through Label Studio's API ({@code POST /api/predictions/}) as its
 * route finishes, with the consumer's model version, so that the next "Retrieve Predictions" skips the task. A task
 * that fails (its route, its answer, or the call) is reported to the consumer's exception handler, naming the task.
 */
final class PredictionSink {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PredictionSink.class);

    private final LabelStudioClient client;
    private final LabelStudioConfiguration c;
    private final ExceptionHandler errors;
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong undelivered = new AtomicLong();

    PredictionSink(LabelStudioClient client, LabelStudioConfiguration configuration, ExceptionHandler errors) {
        this.client = client;
        this.c = configuration;
        this.errors = errors;
    }

    @SuppressWarnings("unchecked")
    void deliver(LabelStudioTask task, Exchange exchange, Throwable failure) {
        if (failure != null) {
            undelivered.incrementAndGet();
            errors.handleException("labelstudio:ml-backend: the route failed for task " + task.getId() + "; no"
                    + " prediction is stored for it", exchange, failure);
            return;
        }
        Map<String, Object> prediction;
        try {
            prediction = PredictionAnswers.of(exchange.getMessage(), task, c.getModelVersion(), c.isValidateRegions());
        } catch (IllegalArgumentException e) {
            undelivered.incrementAndGet();
            LOG.warn("{}; no prediction is stored for it", e.getMessage());
            return;
        } catch (RuntimeException e) {
            // e.g. a CamelLabelStudioScore header that is no number: counted and reported like a failed route
            undelivered.incrementAndGet();
            errors.handleException("labelstudio:ml-backend: the answer for task " + task.getId() + " could not be"
                    + " read; no prediction is stored for it", exchange, e);
            return;
        }
        Object score = prediction.get("score");
        PredictionRequest request = new PredictionRequest(task.getId(), (List<Map<String, Object>>) prediction
                .get("result"), score instanceof Number n ? n.doubleValue() : null, (String) prediction.get("model_version"));
        client.createPrediction(request).whenComplete((stored, error) -> {
            if (error == null) {
                delivered.incrementAndGet();
            } else {
                undelivered.incrementAndGet();
                errors.handleException("labelstudio:ml-backend: Label Studio did not store the prediction of task "
                        + task.getId(), null, error);
            }
        });
    }
}
