package io.camelinference.unitypredict.consumer;

import java.util.List;

import io.camelinference.common.consumer.HttpServedConsumerSupport;
import io.camelinference.unitypredict.UnityPredictConfiguration;
import io.camelinference.unitypredict.UnityPredictEndpoint;
import io.camelinference.unitypredict.client.UnityPredictClient;
import io.camelinference.unitypredict.operation.OutputFiles;
import org.apache.camel.Processor;

/**
 * {@code unitypredict:callback}: serves the CallbackUrl of unitypredict:predict on the application's HTTP server
 * (platform-http): each POST UnityPredict makes when a request ends becomes an exchange whose body is the
 * {@code UnityPredictResponse}, with the headers predict sets (request id, context, status, cost...) and, when
 * outputDirectory is set, the File outcomes downloaded. It is answered 200 once the route completed, 500 when the route
 * failed (so that the service may call again), 403 without the callbackToken, 400 for a body that is no response.
 */
public final class CallbackConsumer extends HttpServedConsumerSupport {

    private final UnityPredictEndpoint endpoint;
    private final UnityPredictConfiguration configuration;

    public CallbackConsumer(UnityPredictEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected List<HttpRoute> routes() {
        OutputFiles outputs = new OutputFiles(new UnityPredictClient(endpoint.http()));
        return List.of(new HttpRoute("POST", path(), new CallbackHandler(this, configuration, outputs)));
    }

    /** The callback is served on the contextPath itself. */
    @Override
    protected String contextPath() {
        return "";
    }

    private String path() {
        String path = configuration.getContextPath();
        return path == null || path.isBlank() ? "/" : path.strip();
    }
}
