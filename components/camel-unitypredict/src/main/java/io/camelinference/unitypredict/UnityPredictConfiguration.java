package io.camelinference.unitypredict;

import io.camelinference.common.component.InferenceConfiguration;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the UnityPredict component and its endpoints; shared options (transport, retries, waiting, job store)
 * come from the engine.
 */
@Configurer
@UriParams
public class UnityPredictConfiguration extends InferenceConfiguration {

    /** The API key of UnityPredict. Falls back to the UNITYPREDICT_API_KEY environment variable. Never logged. */
    @UriParam(label = "security", secret = true)
    private String apiKey;

    /** Base URL of the UnityPredict API. Point it at the local emulator for tests and demos. */
    @UriParam(label = "common", defaultValue = UnityPredictService.DEFAULT_BASE_URL)
    private String baseUrl = UnityPredictService.DEFAULT_BASE_URL;

    /** The id of the model to run, required by predict: here or in the CamelUnityPredictModelId header. */
    @UriParam(label = "producer")
    private String modelId;

    /** Comma-separated output variables to get back, e.g. Label,Summary. All when not set. */
    @UriParam(label = "producer")
    private String desiredOutcomes;

    /** A context id to continue a session with a model that keeps context (chat-style models). */
    @UriParam(label = "producer")
    private String contextId;

    /**
     * The model's File input variable that a file body (File, Path, InputStream, byte array, or a file from the file
     * consumer) is given to. Needed when the body is a file rather than a Map of inputs.
     */
    @UriParam(label = "producer")
    private String fileInputName;

    /**
     * Directory File outcomes are downloaded to (created when missing), by predict, status and the callback consumer.
     * Names the service gives are sanitised so a download can never land outside it. When not set, File outcomes are
     * left on the service (see download).
     */
    @UriParam(label = "common")
    private String outputDirectory;

    /**
     * A public URL UnityPredict POSTs the final response to when a job ends, e.g. the address of a
     * unitypredict:callback consumer; with callbackToken set, the token is added to it as the token query parameter.
     */
    @UriParam(label = "producer")
    private String callbackUrl;

    /**
     * A shared secret for callbacks: predict adds it to callbackUrl (the token query parameter) and the callback
     * consumer refuses (403) a POST that does not carry it. UnityPredict signs nothing, so this is what tells its
     * callbacks from anyone else's POSTs; keep the URL private and serve it over HTTPS. A CallbackUrl a message
     * carries itself gets the token only when it is on callbackUrl's scheme, host and port, never elsewhere.
     */
    @UriParam(label = "common,security", secret = true)
    private String callbackToken;

    /**
     * The path the callback consumer answers POSTs on, on the application's HTTP server (platform-http), e.g.
     * /unitypredict/callback; the callbackUrl given to predict must end with it.
     */
    @UriParam(label = "consumer", defaultValue = "/unitypredict/callback")
    private String contextPath = "/unitypredict/callback";

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getApiKey() {
        return apiKey;
    }

    @Override
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getModelId() {
        return modelId;
    }

    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getDesiredOutcomes() {
        return desiredOutcomes;
    }

    public void setDesiredOutcomes(String desiredOutcomes) {
        this.desiredOutcomes = desiredOutcomes;
    }

    public String getContextId() {
        return contextId;
    }

    public void setContextId(String contextId) {
        this.contextId = contextId;
    }

    public String getFileInputName() {
        return fileInputName;
    }

    public void setFileInputName(String fileInputName) {
        this.fileInputName = fileInputName;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getCallbackToken() {
        return callbackToken;
    }

    public void setCallbackToken(String callbackToken) {
        this.callbackToken = callbackToken;
    }

    public String getContextPath() {
        return contextPath;
    }

    public void setContextPath(String contextPath) {
        this.contextPath = contextPath;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }
}
