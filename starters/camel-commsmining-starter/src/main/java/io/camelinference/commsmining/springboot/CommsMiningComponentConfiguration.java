package io.camelinference.commsmining.springboot;

import java.time.Duration;

import io.camelinference.commsmining.CommsMiningConfiguration;
import io.camelinference.springboot.InferenceComponentProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The commsmining component's options as Spring Boot properties, {@code camel.component.commsmining.*}: the engine's
 * options (inherited) and the service's own, each the component option of the same name. An unset property keeps
 * the component's default; the IDE metadata lists the defaults. Secret options are masked in the actuator.
 */
@ConfigurationProperties(prefix = "camel.component.commsmining")
public class CommsMiningComponentConfiguration extends InferenceComponentProperties {

    /**
     * The API token of Communications Mining (sent as Authorization: Bearer). Falls back to the COMMSMINING_API_TOKEN
     * environment variable. Never logged.
     */
    private String apiKey;

    /**
     * A whole component configuration: a reference to a bean, e.g. #bean:myConfiguration. Set first, before the other
     * properties.
     */
    private CommsMiningConfiguration configuration;

    /** Micro-batching: the longest a message waits for its batch to fill before the batch is sent anyway. */
    private Duration batchLinger;

    /**
     * Micro-batching: the most single-document messages gathered into one predict request. Messages arriving at the
     * endpoint concurrently wait (holding no thread) until the batch is full or batchLinger passed, then share one
     * request and each gets its own prediction. 0 (the default) sends each message alone. At most 4096.
     */
    private Integer batchSize;

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

    /** The dataset whose models and streams are used, e.g. support-emails. Required, here or in a header. */
    private String dataset;

    /** Consumer: the exception type reported for a comment skipped after maxAttempts failures. */
    private String exceptionType;

    /** How many comments one fetch of a stream asks for (1 to 1024). */
    private Integer fetchSize;

    /** predict-raw-emails: also return the comment the service parsed from each e-mail. */
    private Boolean includeComments;

    /**
     * Only these labels, comma-separated; the levels of a hierarchical label separated by a greater-than sign, as the
     * service writes them; each label optionally with its own threshold after a colon, e.g. Order:0.6. All labels when
     * not set.
     */
    private String labels;

    /**
     * Consumer: how many times in a row a comment may fail its route before it is reported to the stream's exceptions
     * and skipped, so that one poison comment cannot hold the stream back for ever.
     */
    private Integer maxAttempts;

    /** How many requests of a List body split at the 4096-document limit are in flight at once. */
    private Integer maxConcurrentRequests;

    /**
     * The model version that predicts: a pinned version number, live, staging or latest (validation). Pin a number in
     * production so a new model cannot change the labels unannounced.
     */
    private String modelVersion;

    /** The project (owner) of the dataset, e.g. demo. Required: here or in the CamelCommsMiningProject header. */
    private String project;

    /**
     * Re-send a billed predict whose answer was lost (a 5xx, a dropped connection, a timeout) like any other request.
     * Off by default: the service may have billed the documents already, so such a failure is surfaced instead. 429 and
     * connection failures are retried either way (nothing was billed).
     */
    private Boolean retryBilledCalls;

    /** The stream read by the consumer and by the stream-fetch, stream-advance and stream-reset operations. */
    private String stream;

    /**
     * The confidence threshold labels must reach: a number from 0 to 1, or auto for each label's automatic thresholds
     * (the labels then say which of high_recall, balanced and high_precision they reach). The service's default, 0.25,
     * when not set.
     */
    private String threshold;

    /** predict-raw-emails: the tag that says how the service transforms raw e-mails into comments. */
    private String transformTag;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public CommsMiningConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CommsMiningConfiguration configuration) {
        this.configuration = configuration;
    }

    public Duration getBatchLinger() {
        return batchLinger;
    }

    public void setBatchLinger(Duration batchLinger) {
        this.batchLinger = batchLinger;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getDataset() {
        return dataset;
    }

    public void setDataset(String dataset) {
        this.dataset = dataset;
    }

    public String getExceptionType() {
        return exceptionType;
    }

    public void setExceptionType(String exceptionType) {
        this.exceptionType = exceptionType;
    }

    public Integer getFetchSize() {
        return fetchSize;
    }

    public void setFetchSize(Integer fetchSize) {
        this.fetchSize = fetchSize;
    }

    public Boolean getIncludeComments() {
        return includeComments;
    }

    public void setIncludeComments(Boolean includeComments) {
        this.includeComments = includeComments;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public void setModelVersion(String modelVersion) {
        this.modelVersion = modelVersion;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public Boolean getRetryBilledCalls() {
        return retryBilledCalls;
    }

    public void setRetryBilledCalls(Boolean retryBilledCalls) {
        this.retryBilledCalls = retryBilledCalls;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getThreshold() {
        return threshold;
    }

    public void setThreshold(String threshold) {
        this.threshold = threshold;
    }

    public String getTransformTag() {
        return transformTag;
    }

    public void setTransformTag(String transformTag) {
        this.transformTag = transformTag;
    }
}
