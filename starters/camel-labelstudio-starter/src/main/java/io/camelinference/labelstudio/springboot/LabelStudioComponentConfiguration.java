package io.camelinference.labelstudio.springboot;

import io.camelinference.labelstudio.LabelStudioConfiguration;
import io.camelinference.labelstudio.PredictMode;
import io.camelinference.springboot.InferenceComponentProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The labelstudio component's options as Spring Boot properties, {@code camel.component.labelstudio.*}: the engine's
 * options (inherited) and the service's own, each the component option of the same name. An unset property keeps
 * the component's default; the IDE metadata lists the defaults. Secret options are masked in the actuator.
 */
@ConfigurationProperties(prefix = "camel.component.labelstudio")
public class LabelStudioComponentConfiguration extends InferenceComponentProperties {

    /**
     * A Label Studio token: a legacy API token (sent as Token) or a personal access token (exchanged for short-lived
     * access tokens, renewed automatically). Falls back to the LABEL_STUDIO_API_KEY environment variable. Never logged.
     */
    private String apiKey;

    /**
     * A whole component configuration: a reference to a bean, e.g. #bean:myConfiguration. Set first, before the other
     * properties.
     */
    private LabelStudioConfiguration configuration;

    /** The ML backend of backend operations, unless the CamelLabelStudioBackendId header or the body says. */
    private Long backendId;

    /** Password of basicAuthUser. */
    private String basicAuthPassword;

    /** User Label Studio must send with HTTP Basic auth (the backend's Basic auth settings); no auth when not set. */
    private String basicAuthUser;

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

    /** Where the ML-backend paths are served on the application's HTTP server, e.g. /ml; the server root when empty. */
    private String contextPath;

    /** Export every task; when false, only annotated tasks (Label Studio's default). */
    private Boolean downloadAllTasks;

    /** The export format: JSON, JSON_MIN, CSV, TSV, CONLL2003, COCO, YOLO and the others Label Studio offers. */
    private String exportType;

    /** Most tasks the route works on at once, over all predict requests; the others wait without holding a thread. */
    private Integer maxConcurrentTasks;

    /** The model version the ML backend reports to Label Studio (setup) and gives its predictions. */
    private String modelVersion;

    /** Directory exports are written to (created when missing); the component's temporary directory when not set. */
    private String outputDirectory;

    /** Tasks read per request by list-tasks. */
    private Integer pageSize;

    /**
     * How predict requests are answered: sync runs the route for every task and answers with the predictions (Label
     * Studio waits 100 seconds at most); async answers at once and stores each prediction through the API as its route
     * finishes (slow models, thousands of tasks).
     */
    private PredictMode predictMode;

    /**
     * The project of project, task, export and backend-list operations, unless the CamelLabelStudioProjectId header
     * says.
     */
    private Long projectId;

    /** Check each answer's regions against the project's label config before Label Studio gets them. */
    private Boolean validateRegions;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public LabelStudioConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LabelStudioConfiguration configuration) {
        this.configuration = configuration;
    }

    public Long getBackendId() {
        return backendId;
    }

    public void setBackendId(Long backendId) {
        this.backendId = backendId;
    }

    public String getBasicAuthPassword() {
        return basicAuthPassword;
    }

    public void setBasicAuthPassword(String basicAuthPassword) {
        this.basicAuthPassword = basicAuthPassword;
    }

    public String getBasicAuthUser() {
        return basicAuthUser;
    }

    public void setBasicAuthUser(String basicAuthUser) {
        this.basicAuthUser = basicAuthUser;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getContextPath() {
        return contextPath;
    }

    public void setContextPath(String contextPath) {
        this.contextPath = contextPath;
    }

    public Boolean getDownloadAllTasks() {
        return downloadAllTasks;
    }

    public void setDownloadAllTasks(Boolean downloadAllTasks) {
        this.downloadAllTasks = downloadAllTasks;
    }

    public String getExportType() {
        return exportType;
    }

    public void setExportType(String exportType) {
        this.exportType = exportType;
    }

    public Integer getMaxConcurrentTasks() {
        return maxConcurrentTasks;
    }

    public void setMaxConcurrentTasks(Integer maxConcurrentTasks) {
        this.maxConcurrentTasks = maxConcurrentTasks;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public void setModelVersion(String modelVersion) {
        this.modelVersion = modelVersion;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public PredictMode getPredictMode() {
        return predictMode;
    }

    public void setPredictMode(PredictMode predictMode) {
        this.predictMode = predictMode;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public Boolean getValidateRegions() {
        return validateRegions;
    }

    public void setValidateRegions(Boolean validateRegions) {
        this.validateRegions = validateRegions;
    }
}
