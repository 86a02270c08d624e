package io.camelinference.annolab;

import io.camelinference.common.component.InferenceConfiguration;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the AnnoLab component and its endpoints; shared options come from the engine. */
@Configurer
@UriParams
public class AnnoLabConfiguration extends InferenceConfiguration {

    /** The production API; set baseUrl to the emulator's {@code http://127.0.0.1:PORT} to try routes offline. */
    public static final String DEFAULT_BASE_URL = "https://api.annolab.ai";
    public static final String API_KEY_ENV = "ANNOLAB_API_KEY";

    /**
     * The project that holds the sources: its id or its unique name (required; the header
     * CamelAnnoLabProjectIdentifier overrides it).
     */
    @UriParam(label = "producer")
    private String projectIdentifier;

    /** The name of the group (organisation) the project belongs to (required). */
    @UriParam(label = "producer")
    private String groupName;

    /**
     * The model to run: its id or unique name, e.g. {@code Staple + Classify Documents} (required by infer; the header
     * CamelAnnoLabModelIdentifier overrides it).
     */
    @UriParam(label = "producer")
    private String modelIdentifier;

    /**
     * The layer the model writes its annotations to: its id or name (required by infer). Export filters on it too
     * when it is a name.
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
     * When not set, export returns the annotation records.
     */
    @UriParam(label = "producer")
    private String outputDirectory;

    public AnnoLabConfiguration() {
        setBaseUrl(DEFAULT_BASE_URL);
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
