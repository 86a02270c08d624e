package io.camelinference.labelstudio;

import io.camelinference.common.component.InferenceConfiguration;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the Label Studio component and its endpoints; shared options (transport, retries) come from the engine.
 * baseUrl is required: the address of the Label Studio server, e.g. http://localhost:8080.
 */
@Configurer
@UriParams
public class LabelStudioConfiguration extends InferenceConfiguration {

    /**
     * A Label Studio token: a legacy API token (sent as Token) or a personal access token (exchanged for short-lived
     * access tokens, renewed automatically). Falls back to the LABEL_STUDIO_API_KEY environment variable. Never logged.
     */
    @UriParam(label = "security", secret = true)
    private String apiKey;

    /**
     * Base URL of the Label Studio server, e.g. http://localhost:8080 (required: Label Studio runs wherever it is installed). Point it at the local emulator for tests and demos.
     */
    @UriParam(label = "common")
    private String baseUrl;

    /** The project of project, task, export and backend-list operations, unless the CamelLabelStudioProjectId header says. */
    @UriParam(label = "producer")
    private Long projectId;

    /** The ML backend of backend operations, unless the CamelLabelStudioBackendId header or the body says. */
    @UriParam(label = "producer")
    private Long backendId;

    /** Tasks read per request by list-tasks. */
    @UriParam(label = "producer", defaultValue = "100")
    private int pageSize = 100;

    /** The export format: JSON, JSON_MIN, CSV, TSV, CONLL2003, COCO, YOLO and the others Label Studio offers. */
    @UriParam(label = "producer", defaultValue = "JSON")
    private String exportType = "JSON";

    /** Export every task; when false, only annotated tasks (Label Studio's default). */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean downloadAllTasks;

    /** Directory exports are written to (created when missing); the component's temporary directory when not set. */
    @UriParam(label = "producer")
    private String outputDirectory;

    /** Where the ML-backend paths are served on the application's HTTP server, e.g. /ml; the server root when empty. */
    @UriParam(label = "consumer")
    private String contextPath;

    /** The model version the ML backend reports to Label Studio (setup) and gives its predictions. */
    @UriParam(label = "consumer", defaultValue = "camel-1")
    private String modelVersion = "camel-1";

    /**
     * How predict requests are answered: sync runs the route for every task and answers with the predictions (Label
     * Studio waits 100 seconds at most); async answers at once and stores each prediction through the API as its
     * route finishes (slow models, thousands of tasks).
     */
    @UriParam(label = "consumer", defaultValue = "sync")
    private PredictMode predictMode = PredictMode.sync;

    /** Most tasks the route works on at once, over all predict requests; the others wait without holding a thread. */
    @UriParam(label = "consumer", defaultValue = "8")
    private int maxConcurrentTasks = 8;

    /** Check each answer's regions against the project's label config before Label Studio gets them. */
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean validateRegions = true;

    /** User Label Studio must send with HTTP Basic auth (the backend's Basic auth settings); no auth when not set. */
    @UriParam(label = "consumer,security")
    private String basicAuthUser;

    /** Password of basicAuthUser. */
    @UriParam(label = "consumer,security", secret = true)
    private String basicAuthPassword;

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

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public Long getBackendId() {
        return backendId;
    }

    public void setBackendId(Long backendId) {
        this.backendId = backendId;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getExportType() {
        return exportType;
    }

    public void setExportType(String exportType) {
        this.exportType = exportType;
    }

    public boolean isDownloadAllTasks() {
        return downloadAllTasks;
    }

    public void setDownloadAllTasks(boolean downloadAllTasks) {
        this.downloadAllTasks = downloadAllTasks;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getContextPath() {
        return contextPath;
    }

    public void setContextPath(String contextPath) {
        this.contextPath = contextPath;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public void setModelVersion(String modelVersion) {
        this.modelVersion = modelVersion;
    }

    public PredictMode getPredictMode() {
        return predictMode;
    }

    public void setPredictMode(PredictMode predictMode) {
        this.predictMode = predictMode;
    }

    public int getMaxConcurrentTasks() {
        return maxConcurrentTasks;
    }

    public void setMaxConcurrentTasks(int maxConcurrentTasks) {
        this.maxConcurrentTasks = maxConcurrentTasks;
    }

    public boolean isValidateRegions() {
        return validateRegions;
    }

    public void setValidateRegions(boolean validateRegions) {
        this.validateRegions = validateRegions;
    }

    public String getBasicAuthUser() {
        return basicAuthUser;
    }

    public void setBasicAuthUser(String basicAuthUser) {
        this.basicAuthUser = basicAuthUser;
    }

    public String getBasicAuthPassword() {
        return basicAuthPassword;
    }

    public void setBasicAuthPassword(String basicAuthPassword) {
        this.basicAuthPassword = basicAuthPassword;
    }
}
