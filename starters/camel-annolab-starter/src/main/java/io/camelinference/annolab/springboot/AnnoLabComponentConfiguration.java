package io.camelinference.annolab.springboot;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.springboot.InferenceComponentProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The annolab component's options as Spring Boot properties, {@code camel.component.annolab.*}: the engine's
 * options (inherited) and the service's own, each the component option of the same name. An unset property keeps
 * the component's default; the IDE metadata lists the defaults. Secret options are masked in the actuator.
 */
@ConfigurationProperties(prefix = "camel.component.annolab")
public class AnnoLabComponentConfiguration extends InferenceComponentProperties {

    /**
     * The AnnoLab API key (with Model Run and Read permissions on the project). Falls back to the ANNOLAB_API_KEY
     * environment variable. Never logged; masked in endpoint URIs.
     */
    private String apiKey;

    /**
     * A whole component configuration: a reference to a bean, e.g. #bean:myConfiguration. Set first, before the other
     * properties.
     */
    private AnnoLabConfiguration configuration;

    /**
     * How many annotations (or relations) go into one request of bulk-create-annotations, bulk-create-relations,
     * create-annotations without relations, and import-annotations; longer lists are sent as several requests, one
     * after the other. AnnoLab takes at most 2000 in a request; its SDK sends 500.
     */
    private Integer bulkSize;

    /**
     * The directory of the project new sources are created in, and sources named by name are looked up in (id or name);
     * the project's default (Uploads on AnnoLab) when not set. create-directory takes it as the name of the directory
     * to create when the body does not name one. The header CamelAnnoLabDirectoryIdentifier overrides it.
     */
    private String directoryIdentifier;

    /**
     * After the inference finished, run a project export filtered to the sources and the output layer, download its
     * zip, and return the annotations as records. When false, infer returns the finished job.
     */
    private Boolean fetchResults;

    /**
     * export without outputDirectory: return everything the zip holds as an AnnoLabExport record (sources, annotations,
     * relations, layers, annotation types) instead of the list of annotations.
     */
    private Boolean fullExport;

    /**
     * The name of the group (organisation) the project belongs to. Required by infer, create-source and export. The
     * other operations use the API key's own single-user group when it is not set, as the official SDK does (its
     * default owner, from GET /v1/api-key/info); list-projects then lists the projects of all the key's groups.
     */
    private String groupName;

    /**
     * export: include the project's annotation types in the zip. With includeSources and includeTextBounds too, a zip
     * kept with outputDirectory is one the official SDK's create_project_from_export reads back.
     */
    private Boolean includeAnnotationTypes;

    /** export: include the sources in the zip (their texts, and the PDF files under their directory and name). */
    private Boolean includeSources;

    /** export: include the text bounds of the PDF sources in the zip. */
    private Boolean includeTextBounds;

    /**
     * The model to run: its id or unique name, e.g. Entity Annotator or 101 (in URIs, wrap names with spaces or plus
     * signs in RAW(...)). Required by infer: here or in the CamelAnnoLabModelIdentifier header.
     */
    private String modelIdentifier;

    /**
     * Directory the export operation writes the export zip to (created when missing); the body is then that file. When
     * not set, export returns the annotation records. The header CamelAnnoLabOutputDirectory overrides it.
     */
    private String outputDirectory;

    /**
     * The layer the model writes its annotations to: its id or name. Required by infer: here or in the
     * CamelAnnoLabOutputLayerIdentifier header. Export filters on it too when it is a name.
     */
    private String outputLayerIdentifier;

    /**
     * Ask AnnoLab not to create an annotation equal to one that exists (same type, offsets, layer and source), nor a
     * relation between the same two annotations with the same type, and to answer the existing one instead; it also
     * lets the component send such a request again when its answer was lost. Used by create-annotations, bulk-create-
     * annotations, bulk-create-relations and import-annotations. The header CamelAnnoLabPreventDuplication overrides
     * it.
     */
    private Boolean preventDuplication;

    /**
     * The project that holds the sources: its id or its unique name. Required by infer, create-source, export and the
     * operations on a project's contents (get-project and create-project take it as the project's name when the body
     * does not name it): here or in the CamelAnnoLabProjectIdentifier header.
     */
    private String projectIdentifier;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public AnnoLabConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AnnoLabConfiguration configuration) {
        this.configuration = configuration;
    }

    public Integer getBulkSize() {
        return bulkSize;
    }

    public void setBulkSize(Integer bulkSize) {
        this.bulkSize = bulkSize;
    }

    public String getDirectoryIdentifier() {
        return directoryIdentifier;
    }

    public void setDirectoryIdentifier(String directoryIdentifier) {
        this.directoryIdentifier = directoryIdentifier;
    }

    public Boolean getFetchResults() {
        return fetchResults;
    }

    public void setFetchResults(Boolean fetchResults) {
        this.fetchResults = fetchResults;
    }

    public Boolean getFullExport() {
        return fullExport;
    }

    public void setFullExport(Boolean fullExport) {
        this.fullExport = fullExport;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public Boolean getIncludeAnnotationTypes() {
        return includeAnnotationTypes;
    }

    public void setIncludeAnnotationTypes(Boolean includeAnnotationTypes) {
        this.includeAnnotationTypes = includeAnnotationTypes;
    }

    public Boolean getIncludeSources() {
        return includeSources;
    }

    public void setIncludeSources(Boolean includeSources) {
        this.includeSources = includeSources;
    }

    public Boolean getIncludeTextBounds() {
        return includeTextBounds;
    }

    public void setIncludeTextBounds(Boolean includeTextBounds) {
        this.includeTextBounds = includeTextBounds;
    }

    public String getModelIdentifier() {
        return modelIdentifier;
    }

    public void setModelIdentifier(String modelIdentifier) {
        this.modelIdentifier = modelIdentifier;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getOutputLayerIdentifier() {
        return outputLayerIdentifier;
    }

    public void setOutputLayerIdentifier(String outputLayerIdentifier) {
        this.outputLayerIdentifier = outputLayerIdentifier;
    }

    public Boolean getPreventDuplication() {
        return preventDuplication;
    }

    public void setPreventDuplication(Boolean preventDuplication) {
        this.preventDuplication = preventDuplication;
    }

    public String getProjectIdentifier() {
        return projectIdentifier;
    }

    public void setProjectIdentifier(String projectIdentifier) {
        this.projectIdentifier = projectIdentifier;
    }
}
