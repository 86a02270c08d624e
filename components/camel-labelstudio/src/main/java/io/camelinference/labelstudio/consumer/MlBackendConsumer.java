package io.camelinference.labelstudio.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.camelinference.common.consumer.HttpServedConsumerSupport;
import io.camelinference.labelstudio.LabelStudioConfiguration;
import io.camelinference.labelstudio.LabelStudioEndpoint;
import io.camelinference.labelstudio.client.LabelStudioClient;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * {@code labelstudio:ml-backend}: serves the Label Studio ML-backend protocol on the application's HTTP server
 * (platform-http): {@code POST /predict}, {@code /setup}, {@code /webhook}, {@code GET /health}, {@code /metrics}
 * under the context path, with optional HTTP Basic auth. Each task of a predict request is an exchange; each training
 * or annotation webhook is one too.
 */
public final class MlBackendConsumer extends HttpServedConsumerSupport {

    static final String REALM = "Label Studio ML backend";

    private final LabelStudioEndpoint endpoint;
    private final LabelStudioConfiguration c;
    private ExecutorService pool;
    private TaskRunner runner;
    private PredictionSink sink;

    public MlBackendConsumer(LabelStudioEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.c = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        pool = endpoint.getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "LabelStudioMlBackend",
                c.getMaxConcurrentTasks());
        runner = new TaskRunner(this, c.getMaxConcurrentTasks(), pool);
        sink = new PredictionSink(new LabelStudioClient(endpoint.http()), c, getExceptionHandler());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (pool != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdown(pool);
        }
    }

    @Override
    protected List<HttpRoute> routes() {
        return List.of(new HttpRoute("POST", "/predict", guarded(new PredictHandler(this, c))),
                new HttpRoute("POST", "/setup", guarded(sync(this::setup))),
                new HttpRoute("POST", "/webhook", guarded(new WebhookHandler(this))),
                new HttpRoute("GET", "/health", guarded(sync(http -> BackendAnswers.json(http, 200, Map.of("status", "UP",
                        "model_class", "Camel route " + getRouteId()))))),
                new HttpRoute("GET", "/metrics", guarded(sync(this::metrics))));
    }

    @Override
    protected String contextPath() {
        return c.getContextPath() == null ? "" : c.getContextPath();
    }

    TaskRunner runner() {
        return runner;
    }

    PredictionSink sink() {
        return sink;
    }

    /** Label Studio checks the backend with setup when it is added and before each use: it answers the model version. */
    private void setup(Exchange http) {
        BackendAnswers.json(http, 200, Map.of("model_version", c.getModelVersion()));
    }

    private void metrics(Exchange http) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tasks_succeeded", runner.succeeded.get());
        m.put("tasks_failed", runner.failed.get());
        m.put("tasks_in_flight", runner.inFlight());
        m.put("tasks_waiting", runner.queued());
        m.put("predictions_stored", sink.delivered.get());
        m.put("predictions_not_stored", sink.undelivered.get());
        BackendAnswers.json(http, 200, m);
    }

    /** Checks HTTP Basic auth before the handler; a refusal carries no echo of what was sent. */
    private AsyncProcessor guarded(AsyncProcessor handler) {
        return new AsyncProcessorSupport() {
            @Override
            public boolean process(Exchange http, AsyncCallback callback) {
                if (!basicAuthorized(http, c.getBasicAuthUser(), c.getBasicAuthPassword(), REALM)) {
                    BackendAnswers.json(http, 401, Map.of("status", 401, "detail", "Unauthorized"));
                    http.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                    callback.done(true);
                    return true;
                }
                return handler.process(http, callback);
            }
        };
    }

    private static AsyncProcessor sync(java.util.function.Consumer<Exchange> answer) {
        return new AsyncProcessorSupport() {
            @Override
            public boolean process(Exchange http, AsyncCallback callback) {
                try {
                    answer.accept(http);
                } catch (RuntimeException e) {
                    BackendAnswers.error(http, 500, BackendAnswers.describe(e), null);
                }
                callback.done(true);
                return true;
            }
        };
    }
}
