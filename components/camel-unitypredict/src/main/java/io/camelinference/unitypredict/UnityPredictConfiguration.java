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
     * The model's File input variable that a file body (File, Path, InputStream, byte[], or a file from the file
     * consumer) is given to. Needed when the body is a file rather than a Map of inputs.
     */
    @UriParam(label = "producer")
    private String fileInputName;

    /**
     * Directory File outcomes are downloaded to (created when missing). Names the service gives are sanitised so a
     * download can never land outside it. When not set, File outcomes are left on the service (see download).
     */
    @UriParam(label = "producer")
    private String outputDirectory;

    /** A public URL UnityPredict POSTs the final response to when a job completes. */
    @UriParam(label = "producer")
    private String callbackUrl;

    public UnityPredictConfiguration() {
        setBaseUrl(UnityPredictService.DEFAULT_BASE_URL);
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

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }
}
