package io.camelinference.deepomatic.springboot;

import java.time.Duration;

import io.camelinference.deepomatic.DeepomaticConfiguration;
import io.camelinference.springboot.InferenceComponentProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deepomatic component's options as Spring Boot properties, {@code camel.component.deepomatic.*}: the engine's
 * options (inherited) and the service's own, each the component option of the same name. An unset property keeps
 * the component's default; the IDE metadata lists the defaults. Secret options are masked in the actuator.
 */
@ConfigurationProperties(prefix = "camel.component.deepomatic")
public class DeepomaticComponentConfiguration extends InferenceComponentProperties {

    /**
     * The API key of Deepomatic, sent as the X-API-KEY header. Falls back to the DEEPOMATIC_API_KEY environment
     * variable. Never logged.
     */
    private String apiKey;

    /**
     * A whole component configuration: a reference to a bean, e.g. #bean:myConfiguration. Set first, before the other
     * properties.
     */
    private DeepomaticConfiguration configuration;

    /**
     * Recognise only this region of each image: xmin,ymin,xmax,ymax relative to the image size (0 to 1, origin top-
     * left), e.g. 0,0,0.5,1 for the left half.
     */
    private String bbox;

    /** Cut the uniform background around the image's content off before recognising it. */
    private Boolean cropUniformBackground;

    /** Most predictions returned per output (at least 1). All when not set. */
    private Integer maxPredictions;

    /**
     * A neural network: a public one's string id or your own one's integer id; used by network, update-network and
     * delete-network. Here or in the CamelDeepomaticNetworkId header.
     */
    private String networkId;

    /**
     * Recognise only this polygon of each image: at least 3 points x,y relative to the image size (0 to 1, origin top-
     * left), separated by semicolons, e.g. 0.5,0;1,0.5;0.5,1;0,0.5 for a diamond.
     */
    private String polygon;

    /**
     * Whether networkId names a public network (/networks/public/...) or one of yours (/networks/...). When not set it
     * is inferred: an integer id is yours, any other is public. For networks it chooses which list; yours when not set.
     */
    private Boolean publicNetwork;

    /**
     * Whether specId names a public specification (/recognition/public/...) or one of yours (/recognition/specs/...).
     * When not set it is inferred: an integer id is yours, any other is public. For specs it chooses which list; yours
     * when not set.
     */
    private Boolean publicSpec;

    /** Also return the labels scored below their threshold (discarded). */
    private Boolean showDiscarded;

    /**
     * The recognition specification: a public one's string id (e.g. fashion-v4) or your own one's integer id. Required
     * by inference (unless it runs a version) and update-spec, used by spec, delete-spec and spec-versions: here or in
     * the CamelDeepomaticSpecId header.
     */
    private String specId;

    /** Most task ids checked in one batch request (GET /tasks/ with task_ids) while waiting for tasks (1 to 100). */
    private Integer taskBatchSize;

    /**
     * How long a due task check waits for others to join it before the batch request goes out. Pending tasks of all
     * exchanges of an endpoint are checked together, so many waiting images cost a few requests per poll round.
     */
    private Duration taskBatchWindow;

    /**
     * A recognition version (integer id): inference runs it instead of a specification; used by version and delete-
     * version. Here or in the CamelDeepomaticVersionId header.
     */
    private String versionId;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public DeepomaticConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DeepomaticConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getBbox() {
        return bbox;
    }

    public void setBbox(String bbox) {
        this.bbox = bbox;
    }

    public Boolean getCropUniformBackground() {
        return cropUniformBackground;
    }

    public void setCropUniformBackground(Boolean cropUniformBackground) {
        this.cropUniformBackground = cropUniformBackground;
    }

    public Integer getMaxPredictions() {
        return maxPredictions;
    }

    public void setMaxPredictions(Integer maxPredictions) {
        this.maxPredictions = maxPredictions;
    }

    public String getNetworkId() {
        return networkId;
    }

    public void setNetworkId(String networkId) {
        this.networkId = networkId;
    }

    public String getPolygon() {
        return polygon;
    }

    public void setPolygon(String polygon) {
        this.polygon = polygon;
    }

    public Boolean getPublicNetwork() {
        return publicNetwork;
    }

    public void setPublicNetwork(Boolean publicNetwork) {
        this.publicNetwork = publicNetwork;
    }

    public Boolean getPublicSpec() {
        return publicSpec;
    }

    public void setPublicSpec(Boolean publicSpec) {
        this.publicSpec = publicSpec;
    }

    public Boolean getShowDiscarded() {
        return showDiscarded;
    }

    public void setShowDiscarded(Boolean showDiscarded) {
        this.showDiscarded = showDiscarded;
    }

    public String getSpecId() {
        return specId;
    }

    public void setSpecId(String specId) {
        this.specId = specId;
    }

    public Integer getTaskBatchSize() {
        return taskBatchSize;
    }

    public void setTaskBatchSize(Integer taskBatchSize) {
        this.taskBatchSize = taskBatchSize;
    }

    public Duration getTaskBatchWindow() {
        return taskBatchWindow;
    }

    public void setTaskBatchWindow(Duration taskBatchWindow) {
        this.taskBatchWindow = taskBatchWindow;
    }

    public String getVersionId() {
        return versionId;
    }

    public void setVersionId(String versionId) {
        this.versionId = versionId;
    }
}
