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

    /**
     * The project that holds the sources: its id or its unique name. Required by infer, create-source and export:
     * here or in the CamelAnnoLabProjectIdentifier header.
     */
    @UriParam(label = "producer")
    private String projectIdentifier;

    /** The name of the group (organisation) the project belongs to. Required by every operation but status. */
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

    /** The directory of the project new sources are created in (id or name); the project's default when not set. */
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

    public AnnoLabConfiguration() {
        setBaseUrl(AnnoLabService.DEFAULT_BASE_URL);
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
}
