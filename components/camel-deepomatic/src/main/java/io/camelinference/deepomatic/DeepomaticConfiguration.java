package io.camelinference.deepomatic;

import io.camelinference.common.component.InferenceConfiguration;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the Deepomatic component and its endpoints; shared options come from the engine. */
@Configurer
@UriParams
public class DeepomaticConfiguration extends InferenceConfiguration {

    /** The production API; set baseUrl to the emulator's {@code http://127.0.0.1:PORT/v0.7} to try routes offline. */
    public static final String DEFAULT_BASE_URL = "https://api.deepomatic.com/v0.7";
    public static final String API_KEY_ENV = "DEEPOMATIC_API_KEY";

    /**
     * The recognition specification: a public one's string id (e.g. {@code fashion-v4}) or your own one's integer id.
     * Required by inference; used by spec, update-spec and delete-spec. The header CamelDeepomaticSpecId overrides it.
     */
    @UriParam(label = "producer")
    private String specId;

    /**
     * Whether specId names a public specification ({@code /recognition/public/...}) or one of yours
     * ({@code /recognition/specs/...}). When not set it is inferred: an integer id is yours, any other is public.
     * For specs it chooses which list; yours when not set.
     */
    @UriParam(label = "producer")
    private Boolean publicSpec;

    /** Also return the labels scored below their threshold ({@code discarded}). */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean showDiscarded;

    /** Most predictions returned per output. All when not set. */
    @UriParam(label = "producer")
    private Integer maxPredictions;

    /**
     * Recognise only this region of each image: {@code xmin,ymin,xmax,ymax} relative to the image size (0 to 1, origin
     * top-left), e.g. {@code 0,0,0.5,1} for the left half.
     */
    @UriParam(label = "producer")
    private String bbox;

    /** Most task ids checked in one {@code GET /tasks/?task_ids=...} request while waiting for tasks. */
    @UriParam(label = "advanced", defaultValue = "100")
    private int taskBatchSize = 100;

    /**
     * How long a due task check waits for others to join it before the batch request goes out. Pending tasks of all
     * exchanges of an endpoint are checked together, so many waiting images cost a few requests per poll round.
     */
    @UriParam(label = "advanced", defaultValue = "100", javaType = "java.time.Duration")
    private long taskBatchWindow = 100;

    public DeepomaticConfiguration() {
        setBaseUrl(DEFAULT_BASE_URL);
    }

    public String getSpecId() {
        return specId;
    }

    public void setSpecId(String specId) {
        this.specId = specId;
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
