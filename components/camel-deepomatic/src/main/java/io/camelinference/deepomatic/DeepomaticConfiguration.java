package io.camelinference.deepomatic;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.model.DeepomaticBox;
import io.camelinference.deepomatic.model.DeepomaticPoint;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the Deepomatic component and its endpoints; shared options (transport, retries, waiting, job store) come
 * from the engine.
 */
@Configurer
@UriParams
public class DeepomaticConfiguration extends InferenceConfiguration {

    /**
     * The API key of Deepomatic, sent as the X-API-KEY header. Falls back to the DEEPOMATIC_API_KEY environment
     * variable. Never logged.
     */
    @UriParam(label = "security", secret = true)
    private String apiKey;

    /** Base URL of the Deepomatic v0.7 API. Point it at the local emulator for tests and demos. */
    @UriParam(label = "common", defaultValue = DeepomaticService.DEFAULT_BASE_URL)
    private String baseUrl = DeepomaticService.DEFAULT_BASE_URL;

    /**
     * The recognition specification: a public one's string id (e.g. fashion-v4) or your own one's integer id. Required
     * by inference (unless it runs a version) and update-spec, used by spec, delete-spec and spec-versions: here or in
     * the CamelDeepomaticSpecId header.
     */
    @UriParam(label = "producer")
    private String specId;

    /**
     * A recognition version (integer id): inference runs it instead of a specification; used by version and
     * delete-version. Here or in the CamelDeepomaticVersionId header.
     */
    @UriParam(label = "producer")
    private String versionId;

    /**
     * A neural network: a public one's string id or your own one's integer id; used by network, update-network and
     * delete-network. Here or in the CamelDeepomaticNetworkId header.
     */
    @UriParam(label = "producer")
    private String networkId;

    /**
     * Whether networkId names a public network (/networks/public/...) or one of yours (/networks/...). When not set
     * it is inferred: an integer id is yours, any other is public. For networks it chooses which list; yours when not
     * set.
     */
    @UriParam(label = "producer")
    private Boolean publicNetwork;

    /**
     * Whether specId names a public specification (/recognition/public/...) or one of yours (/recognition/specs/...).
     * When not set it is inferred: an integer id is yours, any other is public. For specs it chooses which list; yours
     * when not set.
     */
    @UriParam(label = "producer")
    private Boolean publicSpec;

    /** Also return the labels scored below their threshold (discarded). */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean showDiscarded;

    /** Most predictions returned per output (at least 1). All when not set. */
    @UriParam(label = "producer")
    private Integer maxPredictions;

    /**
     * Recognise only this region of each image: xmin,ymin,xmax,ymax relative to the image size (0 to 1, origin
     * top-left), e.g. 0,0,0.5,1 for the left half.
     */
    @UriParam(label = "producer")
    private String bbox;

    /**
     * Recognise only this polygon of each image: at least 3 points x,y relative to the image size (0 to 1, origin
     * top-left), separated by semicolons, e.g. 0.5,0;1,0.5;0.5,1;0,0.5 for a diamond.
     */
    @UriParam(label = "producer")
    private String polygon;

    /** Cut the uniform background around the image's content off before recognising it. */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean cropUniformBackground;

    /** Most task ids checked in one batch request (GET /tasks/ with task_ids) while waiting for tasks (1 to 100). */
    @UriParam(label = "advanced", defaultValue = "100")
    private int taskBatchSize = DeepomaticClient.TASKS_PER_REQUEST;

    /**
     * How long a due task check waits for others to join it before the batch request goes out. Pending tasks of all
     * exchanges of an endpoint are checked together, so many waiting images cost a few requests per poll round.
     */
    @UriParam(label = "advanced", defaultValue = "100", javaType = "java.time.Duration")
    private long taskBatchWindow = 100;

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Checks the options only Deepomatic has, at endpoint creation (the engine checks the shared ones). */
    void validateOwnOptions() {
        if (bbox != null) {
            DeepomaticBox.parse(bbox);
        }
        if (polygon != null && !polygon.isBlank()) {
            DeepomaticPoint.polygon(polygon);
        }
        if (maxPredictions != null && maxPredictions < 1) {
            throw new IllegalArgumentException("deepomatic maxPredictions must be at least 1, was " + maxPredictions);
        }
        if (taskBatchSize < 1 || taskBatchSize > DeepomaticClient.TASKS_PER_REQUEST) {
            throw new IllegalArgumentException("deepomatic taskBatchSize must be 1 to "
                    + DeepomaticClient.TASKS_PER_REQUEST + ", was " + taskBatchSize);
        }
        if (taskBatchWindow < 0) {
            throw new IllegalArgumentException("deepomatic taskBatchWindow must not be negative, was "
                    + taskBatchWindow + " ms");
        }
    }

    @Override
    public String getApiKey() {
        return apiKey;
    }

    @Override
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getSpecId() {
        return specId;
    }

    public void setSpecId(String specId) {
        this.specId = specId;
    }

    public String getVersionId() {
        return versionId;
    }

    public void setVersionId(String versionId) {
        this.versionId = versionId;
    }

    public String getNetworkId() {
        return networkId;
    }

    public void setNetworkId(String networkId) {
        this.networkId = networkId;
    }

    public Boolean getPublicNetwork() {
        return publicNetwork;
    }

    public void setPublicNetwork(Boolean publicNetwork) {
        this.publicNetwork = publicNetwork;
    }

    public String getPolygon() {
        return polygon;
    }

    public void setPolygon(String polygon) {
        this.polygon = polygon;
    }

    public boolean isCropUniformBackground() {
        return cropUniformBackground;
    }

    public void setCropUniformBackground(boolean cropUniformBackground) {
        this.cropUniformBackground = cropUniformBackground;
    }

    public Boolean getPublicSpec() {
        return publicSpec;
    }

    public void setPublicSpec(Boolean publicSpec) {
        this.publicSpec = publicSpec;
    }

    public boolean isShowDiscarded() {
        return showDiscarded;
    }

    public void setShowDiscarded(boolean showDiscarded) {
        this.showDiscarded = showDiscarded;
    }

    public Integer getMaxPredictions() {
        return maxPredictions;
    }

    public void setMaxPredictions(Integer maxPredictions) {
        this.maxPredictions = maxPredictions;
    }

    public String getBbox() {
        return bbox;
    }

    public void setBbox(String bbox) {
        this.bbox = bbox;
    }

    public int getTaskBatchSize() {
        return taskBatchSize;
    }

    public void setTaskBatchSize(int taskBatchSize) {
        this.taskBatchSize = taskBatchSize;
    }

    public long getTaskBatchWindow() {
        return taskBatchWindow;
    }

    public void setTaskBatchWindow(long taskBatchWindow) {
        this.taskBatchWindow = taskBatchWindow;
    }
}
