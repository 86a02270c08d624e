package io.camelinference.unitypredict;

import io.camelinference.common.component.InferenceConfiguration;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the UnityPredict component and its endpoints; shared options come from the engine. */
@Configurer
@UriParams
public class UnityPredictConfiguration extends InferenceConfiguration {

    /** The production API; set baseUrl to the emulator's {@code http://127.0.0.1:PORT/api} to try routes offline. */
    public static final String DEFAULT_BASE_URL = "https://api.prod.unitypredict.com/api";
    public static final String API_KEY_ENV = "UNITYPREDICT_API_KEY";

    /** The id of the model to run (required by predict; the header CamelUnityPredictModelId overrides it). */
    @UriParam(label = "producer")
    private String modelId;

    /** Comma-separated output variables to get back, e.g. {@code Label,Summary}. All when not set. */
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
        setBaseUrl(DEFAULT_BASE_URL);
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
