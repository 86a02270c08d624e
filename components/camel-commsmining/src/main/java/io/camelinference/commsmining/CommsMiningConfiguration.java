package io.camelinference.commsmining;

import io.camelinference.common.component.InferenceConfiguration;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the Communications Mining component and its endpoints; shared options (transport, retries, timeouts) come
 * from the engine.
 */
@Configurer
@UriParams
public class CommsMiningConfiguration extends InferenceConfiguration {

    /**
     * The API token of Communications Mining (sent as Authorization: Bearer). Falls back to the COMMSMINING_API_TOKEN
     * environment variable. Never logged.
     */
    @UriParam(label = "security", secret = true)
    private String apiKey;

    /**
     * Base URL of your tenant's Communications Mining API, e.g. https://tenant.reinfer.io (each tenant has its own host, so there is no default). Point it at the local emulator for tests and demos.
     */
    @UriParam(label = "common")
    private String baseUrl;

    /** The project (owner) of the dataset, e.g. demo. Required: here or in the CamelCommsMiningProject header. */
    @UriParam(label = "common")
    private String project;

    /** The dataset whose models and streams are used, e.g. support-emails. Required, here or in a header. */
    @UriParam(label = "common")
    private String dataset;

    /**
     * The model version that predicts: a pinned version number, live, staging or latest (validation). Pin a number in
     * production so a new model cannot change the labels unannounced.
     */
    @UriParam(label = "producer", defaultValue = "live")
    private String modelVersion = "live";

    /**
     * The confidence threshold labels must reach: a number from 0 to 1, or auto for each label's automatic thresholds
     * (the labels then say which of high_recall, balanced and high_precision they reach). The service's default, 0.25,
     * when not set.
     */
    @UriParam(label = "producer")
    private String threshold;

    /**
     * Only these labels, comma-separated; the levels of a hierarchical label separated by a greater-than sign, as the
     * service writes them; each label optionally with its own threshold after a colon, e.g. Order:0.6. All labels when
     * not set.
     */
    @UriParam(label = "producer")
    private String labels;

    /** predict-raw-emails: also return the comment the service parsed from each e-mail. */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean includeComments;

    /** predict-raw-emails: the tag that says how the service transforms raw e-mails into comments. */
    @UriParam(label = "producer", defaultValue = "generic.0.CONVKER5")
    private String transformTag = "generic.0.CONVKER5";

    /**
     * Micro-batching: the most single-document messages gathered into one predict request. Messages arriving at the
     * endpoint concurrently wait (holding no thread) until the batch is full or batchLinger passed, then share one
     * request and each gets its own prediction. 0 (the default) sends each message alone. At most 4096.
     */
    @UriParam(label = "producer", defaultValue = "0")
    private int batchSize;

    /** Micro-batching: the longest a message waits for its batch to fill before the batch is sent anyway. */
    @UriParam(label = "producer", defaultValue = "100", javaType = "java.time.Duration")
    private long batchLinger = 100;

    /** How many requests of a List body split at the 4096-document limit are in flight at once. */
    @UriParam(label = "producer", defaultValue = "4")
    private int maxConcurrentRequests = 4;

    /**
     * Re-send a billed predict whose answer was lost (a 5xx, a dropped connection, a timeout) like any other request.
     * Off by default: the service may have billed the documents already, so such a failure is surfaced instead. 429 and
     * connection failures are retried either way (nothing was billed).
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean retryBilledCalls;

    /** The stream read by the consumer and by the stream-fetch, stream-advance and stream-reset operations. */
    @UriParam(label = "common")
    private String stream;

    /** How many comments one fetch of a stream asks for (1 to 1024). */
    @UriParam(label = "common", defaultValue = "64")
    private int fetchSize = 64;

    /**
     * Consumer: how many times in a row a comment may fail its route before it is reported to the stream's exceptions
     * and skipped, so that one poison comment cannot hold the stream back for ever.
     */
    @UriParam(label = "consumer", defaultValue = "3")
    private int maxAttempts = 3;

    /** Consumer: the exception type reported for a comment skipped after maxAttempts failures. */
    @UriParam(label = "consumer", defaultValue = "camel-route-failure")
    private String exceptionType = "camel-route-failure";

    @Override
    public String getApiKey() {
        return apiKey;
    }

    @Override
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getDataset() {
        return dataset;
    }

    public void setDataset(String dataset) {
        this.dataset = dataset;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public void setModelVersion(String modelVersion) {
        this.modelVersion = modelVersion;
    }

    public String getThreshold() {
        return threshold;
    }

    public void setThreshold(String threshold) {
        this.threshold = threshold;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public boolean isIncludeComments() {
        return includeComments;
    }

    public void setIncludeComments(boolean includeComments) {
        this.includeComments = includeComments;
    }

    public String getTransformTag() {
        return transformTag;
    }

    public void setTransformTag(String transformTag) {
        this.transformTag = transformTag;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getBatchLinger() {
        return batchLinger;
    }

    public void setBatchLinger(long batchLinger) {
        this.batchLinger = batchLinger;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public boolean isRetryBilledCalls() {
        return retryBilledCalls;
    }

    public void setRetryBilledCalls(boolean retryBilledCalls) {
        this.retryBilledCalls = retryBilledCalls;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public int getFetchSize() {
        return fetchSize;
    }

    public void setFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public String getExceptionType() {
        return exceptionType;
    }

    public void setExceptionType(String exceptionType) {
        this.exceptionType = exceptionType;
    }
}
