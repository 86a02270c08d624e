package io.camelinference.unitypredict.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.consumer.HttpServedConsumerSupport;
import io.camelinference.common.error.Failures;
import io.camelinference.common.json.Json;
import io.camelinference.unitypredict.UnityPredictConfiguration;
import io.camelinference.unitypredict.binding.CallbackBinding;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import io.camelinference.unitypredict.operation.OutputFiles;
import io.camelinference.unitypredict.operation.PredictResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CallbackUrl POST: checks the token, reads the response, downloads its File outcomes (when outputDirectory is
 * set and it is Completed), runs the route on a new exchange (the HTTP request's headers, the token among them, stay
 * out of it) and answers when the route completed. Holds no thread while the route or a download runs.
 */
final class CallbackHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackHandler.class);

    private final CallbackConsumer consumer;
    private final UnityPredictConfiguration configuration;
    private final OutputFiles outputs;

    CallbackHandler(CallbackConsumer consumer, UnityPredictConfiguration configuration, OutputFiles outputs) {
        this.consumer = consumer;
        this.configuration = configuration;
        this.outputs = outputs;
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        if (!CallbackUrls.authorized(http.getMessage().getHeader(Exchange.HTTP_QUERY, String.class),
                configuration.getCallbackToken())) {
            LOG.warn("unitypredict:callback refused a POST without the callback token");
            answer(http, 403, Map.of("error", "forbidden: the callback token is missing or wrong"));
            callback.done(true);
            return true;
        }
        UnityPredictResponse response;
        try {
            response = CallbackBinding.read(http.getMessage().getBody(String.class));
        } catch (IllegalArgumentException e) {
            answer(http, 400, Map.of("error", e.getMessage()));
            callback.done(true);
            return true;
        }
        downloads(response).whenComplete((files, error) -> {
            if (error != null) {
                // the route cannot continue without the files; the service may call again
                consumer.getExceptionHandler().handleException("unitypredict:callback could not download the File"
                        + " outcomes of request " + response.requestId(), Failures.cause(error));
                answer(http, 500, Map.of("error", "the File outcomes of request " + response.requestId()
                        + " could not be downloaded", "requestId", response.requestId()));
                callback.done(false);
                return;
            }
            route(http, new PredictResult(response, files), callback);
        });
        return false;
    }

    private CompletableFuture<List<java.io.File>> downloads(UnityPredictResponse response) {
        String dir = configuration.getOutputDirectory();
        if (dir == null || dir.isBlank() || !UnityPredictResponse.COMPLETED.equals(response.status())) {
            return CompletableFuture.completedFuture(List.of());
        }
        Path directory = Paths.get(dir);
        try {
            return outputs.download(response, directory);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void route(Exchange http, PredictResult result, AsyncCallback callback) {
        Exchange exchange = consumer.createExchange(false);
        CallbackBinding.write(exchange, result);
        String requestId = result.response().requestId();
        consumer.getAsyncProcessor().process(exchange, sync -> {
            try {
                if (exchange.getException() != null) {
                    answer(http, 500, Map.of("error", "the route did not process the callback", "requestId",
                            requestId));
                } else {
                    answer(http, 200, Map.of("status", "received", "requestId", requestId));
                }
            } finally {
                consumer.releaseExchange(exchange, false);
                callback.done(false);
            }
        });
    }

    private static void answer(Exchange http, int status, Map<String, Object> body) {
        HttpServedConsumerSupport.respond(http, status, "application/json",
                new String(Json.write(body), StandardCharsets.UTF_8));
    }
}
