package io.camelinference.annolab;

import io.camelinference.common.component.InferenceConfiguration;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the AnnoLab component and its endpoints; shared options (transport, retries, waiting, job store) come
 * from the engine.
 */
@Configurer
@UriParams
public class AnnoLabConfiguration extends InferenceConfiguration {

    /**
     * The AnnoLab API key (with Model Run and Read permissions on the project). Falls back to the ANNOLAB_API_KEY
     * environment variable. Never logged; masked in endpoint URIs.
     */
    @UriParam(label = "security", secret = true)
    private String apiKey;

    /** Base URL of the AnnoLab API. Point it at the local emulator for tests and demos. */
    @UriParam(label = "common", defaultValue = AnnoLabService.DEFAULT_BASE_URL)
    private String baseUrl = AnnoLabService.DEFAULT_BASE_URL;

    /**
     * The project that holds the sources: its id or its unique name. Required by infer, create-source, export and the
     * operations on a project's contents (get-project and create-project take it as the project's name when the body
     * does not name it): here or in the CamelAnnoLabProjectIdentifier header.
     */
    @UriParam(label = "producer")
    private String projectIdentifier;

    /**
     * The name of the group (organisation) the project belongs to. Required by infer, create-source and export. The
     * other operations use the API key's own single-user group when it is not set, as the official SDK does (its
     * default owner, from GET /v1/api-key/info); list-projects then lists the projects of all the key's groups.
     */
    @UriParam(label = "producer")
    private String groupName;

    /**
     * The model to run: its id or unique name, e.g. Entity Annotator or 101 (in URIs, wrap names with spaces or plus
     * signs in RAW(...)). Required by infer: here or in the CamelAnnoLabModelIdentifier header.
     */
    @UriParam(label = "producer")
    private String modelIdentifier;

    /**
     * The layer the model writes its annotations to: its id or name. Required by infer: here or in the
     * CamelAnnoLabOutputLayerIdentifier header. Export filters on it too when it is a name.
     */
    @UriParam(label = "producer")
    private String outputLayerIdentifier;

    /**
     * The directory of the project new sources are created in, and sources named by name are looked up in (id or
     * name); the project's default (Uploads on AnnoLab) when not set. create-directory takes it as the name of the
     * directory to create when the body does not name one. The header CamelAnnoLabDirectoryIdentifier overrides it.
     */
    @UriParam(label = "producer")
    private String directoryIdentifier;

    /**
     * After the inference finished, run a project export filtered to the sources and the output layer, download
     * its zip, and return the annotations as records. When false, infer returns the finished job.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean fetchResults = true;

    /**
     * Directory the export operation writes the export zip to (created when missing); the body is then that file.
     * When not set, export returns the annotation records. The header CamelAnnoLabOutputDirectory overrides it.
     */
    @UriParam(label = "producer")
    private String outputDirectory;

    /**
     * Ask AnnoLab not to create an annotation equal to one that exists (same type, offsets, layer and source), nor a
     * relation between the same two annotations with the same type, and to answer the existing one instead; it also
     * lets the component send such a request again when its answer was lost. Used by create-annotations,
     * bulk-create-annotations, bulk-create-relations and import-annotations. The header
     * CamelAnnoLabPreventDuplication overrides it.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean preventDuplication = true;

    /**
     * How many annotations (or relations) go into one request of bulk-create-annotations, bulk-create-relations,
     * create-annotations without relations, and import-annotations; longer lists are sent as several requests, one
     * after the other. AnnoLab takes at most 2000 in a request; its SDK sends 500.
     */
    @UriParam(label = "producer", defaultValue = "500")
    private int bulkSize = 500;

    /** export: include the sources in the zip (their texts, and the PDF files under their directory and name). */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean includeSources;

    /** export: include the text bounds of the PDF sources in the zip. */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean includeTextBounds;

    /**
     * export: include the project's annotation types in the zip. With includeSources and includeTextBounds too, a
     * zip kept with outputDirectory is one the official SDK's create_project_from_export reads back.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean includeAnnotationTypes = true;

    /**
     * export without outputDirectory: return everything the zip holds as an AnnoLabExport record (sources,
     * annotations, relations, layers, annotation types) instead of the list of annotations.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean fullExport;

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getApiKey() {
        return apiKey;
    }

    @Override
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getProjectIdentifier() {
        return projectIdentifier;
    }

    public void setProjectIdentifier(String projectIdentifier) {
        this.projectIdentifier = projectIdentifier;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getModelIdentifier() {
        return modelIdentifier;
    }

    public void setModelIdentifier(String modelIdentifier) {
        this.modelIdentifier = modelIdentifier;
    }

    public String getOutputLayerIdentifier() {
        return outputLayerIdentifier;
    }

    public void setOutputLayerIdentifier(String outputLayerIdentifier) {
        this.outputLayerIdentifier = outputLayerIdentifier;
    }

    public String getDirectoryIdentifier() {
        return directoryIdentifier;
    }

    public void setDirectoryIdentifier(String directoryIdentifier) {
        this.directoryIdentifier = directoryIdentifier;
    }

    public boolean isFetchResults() {
        return fetchResults;
    }

    public void setFetchResults(boolean fetchResults) {
        this.fetchResults = fetchResults;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public boolean isPreventDuplication() {
        return preventDuplication;
    }

    public void setPreventDuplication(boolean preventDuplication) {
        this.preventDuplication = preventDuplication;
    }

    public int getBulkSize() {
        return bulkSize;
    }

    public void setBulkSize(int bulkSize) {
        this.bulkSize = bulkSize;
    }

    public boolean isIncludeSources() {
        return includeSources;
    }

    public void setIncludeSources(boolean includeSources) {
        this.includeSources = includeSources;
    }

    public boolean isIncludeTextBounds() {
        return includeTextBounds;
    }

    public void setIncludeTextBounds(boolean includeTextBounds) {
        this.includeTextBounds = includeTextBounds;
    }

    public boolean isIncludeAnnotationTypes() {
        return includeAnnotationTypes;
    }

    public void setIncludeAnnotationTypes(boolean includeAnnotationTypes) {
        this.includeAnnotationTypes = includeAnnotationTypes;
    }

    public boolean isFullExport() {
        return fullExport;
    }

    public void setFullExport(boolean fullExport) {
        this.fullExport = fullExport;
    }
}
