package io.camelinference.annolab;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the AnnoLab component. Headers set on the message override options. */
public final class AnnoLabConstants {

    @Metadata(description = "The operation to perform (e.g. infer, create-annotations, export), overriding the"
                            + " endpoint's.", javaType = "String")
    public static final String OPERATION = "CamelAnnoLabOperation";

    @Metadata(description = "The project (id or name), overriding projectIdentifier.", javaType = "String")
    public static final String PROJECT_IDENTIFIER = "CamelAnnoLabProjectIdentifier";

    @Metadata(description = "The model (id or name), overriding modelIdentifier.", javaType = "String")
    public static final String MODEL_IDENTIFIER = "CamelAnnoLabModelIdentifier";

    @Metadata(description = "The output layer (id or name), overriding outputLayerIdentifier.", javaType = "String")
    public static final String OUTPUT_LAYER_IDENTIFIER = "CamelAnnoLabOutputLayerIdentifier";

    @Metadata(description = "infer: wait for the inference job (and its export), or return as soon as the job is"
                            + " accepted, overriding waitForCompletion.", javaType = "Boolean")
    public static final String WAIT_FOR_COMPLETION = "CamelAnnoLabWaitForCompletion";

    @Metadata(description = "Where export writes its zip, overriding outputDirectory.", javaType = "String")
    public static final String OUTPUT_DIRECTORY = "CamelAnnoLabOutputDirectory";

    @Metadata(description = "The exact name of the source a document body is created as (infer, create-source);"
                            + " when not set, the file name (or document.txt / document.pdf) with a short unique"
                            + " suffix is used, because source names are unique within a directory. Set by"
                            + " create-source. get-source, delete-source, create-annotations and import-annotations"
                            + " read it as the name of the source they work on (in directoryIdentifier, or the"
                            + " project's default directory).", javaType = "String")
    public static final String SOURCE_NAME = "CamelAnnoLabSourceName";

    @Metadata(description = "The ids of the sources: set by infer and create-source; read by export as its"
                            + " sourceIds filter.", javaType = "java.util.List<Long>")
    public static final String SOURCE_IDS = "CamelAnnoLabSourceIds";

    @Metadata(description = "The id of the source get-source, delete-source, create-annotations and"
                            + " import-annotations work on (it wins over CamelAnnoLabSourceName).", javaType = "Long")
    public static final String SOURCE_ID = "CamelAnnoLabSourceId";

    @Metadata(description = "The directory (id or name), overriding directoryIdentifier.", javaType = "String")
    public static final String DIRECTORY_IDENTIFIER = "CamelAnnoLabDirectoryIdentifier";

    @Metadata(description = "Overrides preventDuplication.", javaType = "Boolean")
    public static final String PREVENT_DUPLICATION = "CamelAnnoLabPreventDuplication";

    @Metadata(description = "The id of the project create-project made or get-project read.", javaType = "Long")
    public static final String PROJECT_ID = "CamelAnnoLabProjectId";

    @Metadata(description = "api-key-info: the name of the key's own single-user group (the SDK's default owner).",
              javaType = "String")
    public static final String DEFAULT_OWNER = "CamelAnnoLabDefaultOwner";

    @Metadata(description = "How many relation records the body holds or an import created.", javaType = "Integer")
    public static final String RELATION_COUNT = "CamelAnnoLabRelationCount";

    @Metadata(description = "The inference job id: set by infer; read by status.", javaType = "Long")
    public static final String JOB_ID = "CamelAnnoLabInferenceJobId";

    @Metadata(description = "The inference job's status: Queued, a running state, Finished or Errored.",
              javaType = "String")
    public static final String STATUS = "CamelAnnoLabStatus";

    @Metadata(description = "The name of the layer the inference wrote its annotations to.", javaType = "String")
    public static final String OUTPUT_LAYER_NAME = "CamelAnnoLabOutputLayerName";

    @Metadata(description = "The id of the project export that fetched the results (infer) or was run (export).",
              javaType = "Long")
    public static final String EXPORT_ID = "CamelAnnoLabExportId";

    @Metadata(description = "The export's status: initialized, started, finished or errored.", javaType = "String")
    public static final String EXPORT_STATUS = "CamelAnnoLabExportStatus";

    @Metadata(description = "Layer names the export keeps (a List or a comma-separated String); when not set, export"
                            + " uses outputLayerIdentifier if it is a name, else all layers.",
              javaType = "java.util.List<String>")
    public static final String ANNOTATION_LAYER_NAMES = "CamelAnnoLabAnnotationLayerNames";

    @Metadata(description = "The export zip written to outputDirectory by export.", javaType = "java.io.File")
    public static final String EXPORT_FILE = "CamelAnnoLabExportFile";

    @Metadata(description = "How many annotation records the body holds, or an operation created.",
              javaType = "Integer")
    public static final String ANNOTATION_COUNT = "CamelAnnoLabAnnotationCount";

    @Metadata(description = "The types of the annotation records the body holds, each once, in the order they first"
                            + " appear, e.g. Organization, Date: set by infer, export and the annotation lists.",
              javaType = "java.util.List<String>")
    public static final String ANNOTATION_TYPES = "CamelAnnoLabAnnotationTypes";

    @Metadata(description = "Identifies the message across redeliveries and restarts, so that the chain resumes"
                            + " (same source, same job) instead of creating a second source or job. Files picked up"
                            + " by the file consumer are recognised without it. A new key submits on purpose.",
              javaType = "String")
    public static final String JOB_KEY = "CamelAnnoLabJobKey";

    private AnnoLabConstants() {
    }
}
