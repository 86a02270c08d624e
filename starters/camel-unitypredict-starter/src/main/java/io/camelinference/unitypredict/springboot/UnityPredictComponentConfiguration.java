package io.camelinference.unitypredict.springboot;

import io.camelinference.unitypredict.UnityPredictConfiguration;
import io.camelinference.springboot.InferenceComponentProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The unitypredict component's options as Spring Boot properties, {@code camel.component.unitypredict.*}: the engine's
 * options (inherited) and the service's own, each the component option of the same name. An unset property keeps
 * the component's default; the IDE metadata lists the defaults. Secret options are masked in the actuator.
 */
@ConfigurationProperties(prefix = "camel.component.unitypredict")
public class UnityPredictComponentConfiguration extends InferenceComponentProperties {

    /** The API key of UnityPredict. Falls back to the UNITYPREDICT_API_KEY environment variable. Never logged. */
    private String apiKey;

    /**
     * A whole component configuration: a reference to a bean, e.g. #bean:myConfiguration. Set first, before the other
     * properties.
     */
    private UnityPredictConfiguration configuration;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * A shared secret for callbacks: predict adds it to callbackUrl (the token query parameter) and the callback
     * consumer refuses (403) a POST that does not carry it. UnityPredict signs nothing, so this is what tells its
     * callbacks from anyone else's POSTs; keep the URL private and serve it over HTTPS.
     */
    private String callbackToken;

    /**
     * A public URL UnityPredict POSTs the final response to when a job ends, e.g. the address of a
     * unitypredict:callback consumer; with callbackToken set, the token is added to it as the token query parameter.
     */
    private String callbackUrl;

    /** A context id to continue a session with a model that keeps context (chat-style models). */
    private String contextId;

    /**
     * The path the callback consumer answers POSTs on, on the application's HTTP server (platform-http), e.g.
     * /unitypredict/callback; the callbackUrl given to predict must end with it.
     */
    private String contextPath;

    /** Comma-separated output variables to get back, e.g. Label,Summary. All when not set. */
    private String desiredOutcomes;

    /**
     * The model's File input variable that a file body (File, Path, InputStream, byte array, or a file from the file
     * consumer) is given to. Needed when the body is a file rather than a Map of inputs.
     */
    private String fileInputName;

    /** The id of the model to run, required by predict: here or in the CamelUnityPredictModelId header. */
    private String modelId;

    /**
     * Directory File outcomes are downloaded to (created when missing), by predict, status and the callback consumer.
     * Names the service gives are sanitised so a download can never land outside it. When not set, File outcomes are
     * left on the service (see download).
     */
    private String outputDirectory;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public UnityPredictConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UnityPredictConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getCallbackToken() {
        return callbackToken;
    }

    public void setCallbackToken(String callbackToken) {
        this.callbackToken = callbackToken;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public String getContextId() {
        return contextId;
    }

    public void setContextId(String contextId) {
        this.contextId = contextId;
    }

    public String getContextPath() {
        return contextPath;
    }

    public void setContextPath(String contextPath) {
        this.contextPath = contextPath;
    }

    public String getDesiredOutcomes() {
        return desiredOutcomes;
    }

    public void setDesiredOutcomes(String desiredOutcomes) {
        this.desiredOutcomes = desiredOutcomes;
    }

    public String getFileInputName() {
        return fileInputName;
    }

    public void setFileInputName(String fileInputName) {
        this.fileInputName = fileInputName;
    }

    public String getModelId() {
        return modelId;
    }

    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }
}
