package io.camelinference.labelstudio.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.labelstudio.LabelStudioConfiguration;
import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.PredictMode;
import io.camelinference.labelstudio.model.LabelStudioTask;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /predict}: one exchange per task, the tasks' predictions assembled as {@code {"results": [...]}} in task
 * order (sync), or an empty answer at once and each prediction stored through Label Studio's API when its route
 * finishes (async). A task whose route fails, or whose answer does not fit the label config, fails a sync request with
 * a 500 naming the task and the reason, as label-studio-ml-backend answers a failing predict.
 */
final class PredictHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PredictHandler.class);
    /** Label Studio's ML_TIMEOUT_PREDICT default: a sync answer after it is answered to nobody. */
    static final long LABEL_STUDIO_PREDICT_TIMEOUT_MILLIS = 100_000;

    private final MlBackendConsumer consumer;
    private final LabelStudioConfiguration c;

    PredictHandler(MlBackendConsumer consumer, LabelStudioConfiguration configuration) {
        this.consumer = consumer;
        this.c = configuration;
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        PredictRequest request;
        try {
            request = PredictRequest.parse(http.getMessage().getBody(String.class), c.getBaseUrl());
        } catch (IllegalArgumentException e) {
            BackendAnswers.error(http, 400, BackendAnswers.describe(e), null);
            callback.done(true);
            return true;
        }
        if (request.tasks().isEmpty() || c.getPredictMode() == PredictMode.async) {
            // Label Studio stores nothing for an empty list (it logs that it expected one result per task)
            BackendAnswers.json(http, 200, Map.of("results", List.of()));
            request.tasks().forEach(task -> consumer.runner().submit(task, headers(task),
                    (exchange, error) -> consumer.sink().deliver(task, exchange, error)));
            callback.done(true);
            return true;
        }
        collect(http, request.tasks(), callback);
        return false;
    }

    private void collect(Exchange http, List<LabelStudioTask> tasks, AsyncCallback callback) {
        long started = System.nanoTime();
        Object[] results = new Object[tasks.size()];
        Map<Long, String> failures = new ConcurrentSkipListMap<>();
        AtomicInteger left = new AtomicInteger(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            LabelStudioTask task = tasks.get(i);
            consumer.runner().submit(task, headers(task), (exchange, error) -> {
                try {
                    if (error != null) {
                        failures.put(task.getId(), BackendAnswers.describe(error));
                    } else {
                        results[index] = PredictionAnswers.of(exchange.getMessage(), task, c.getModelVersion(),
                                c.isValidateRegions());
                    }
                } catch (IllegalArgumentException e) {
                    // an answer Label Studio would store and never show: said once, without a stack trace
                    failures.put(task.getId(), BackendAnswers.describe(e));
                    LOG.warn(e.getMessage());
                } catch (RuntimeException e) {
                    // e.g. a CamelLabelStudioScore header that is no number: the task fails, the request is answered
                    failures.put(task.getId(), BackendAnswers.describe(e));
                    LOG.warn("labelstudio:ml-backend: the answer for task {} could not be read", task.getId(), e);
                }
                if (left.decrementAndGet() == 0) {
                    try {
                        answer(http, results, failures, tasks.size(), started);
                    } finally {
                        callback.done(false);
                    }
                }
            });
        }
    }

    private static void answer(Exchange http, Object[] results, Map<Long, String> failures, int total, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > LABEL_STUDIO_PREDICT_TIMEOUT_MILLIS) {
            LOG.warn("A predict request of {} tasks took {} s; Label Studio stops waiting after ML_TIMEOUT_PREDICT (100 s"
                    + " by default) and stores nothing: use predictMode=async", total, millis / 1000);
        }
        if (failures.isEmpty()) {
            BackendAnswers.json(http, 200, Map.of("results", List.of(results)));
            return;
        }
        Map.Entry<Long, String> first = failures.entrySet().iterator().next();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("failed_tasks", new ArrayList<>(failures.keySet()));
        result.put("errors", failures);
        BackendAnswers.error(http, 500, failures.size() + " of " + total + " tasks failed; task " + first.getKey()
                + ": " + first.getValue(), result);
    }

    private Map<String, Object> headers(LabelStudioTask task) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(LabelStudioConstants.ACTION, "PREDICT");
        headers.put(LabelStudioConstants.TASK_ID, task.getId());
        if (task.getProject() != null) {
            headers.put(LabelStudioConstants.PROJECT_ID, task.getProject());
        }
        headers.put(LabelStudioConstants.MODEL_VERSION, c.getModelVersion());
        return headers;
    }
}
