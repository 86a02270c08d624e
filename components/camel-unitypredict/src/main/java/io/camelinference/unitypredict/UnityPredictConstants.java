package io.camelinference.unitypredict;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the UnityPredict component. Headers set on the message override options. */
public final class UnityPredictConstants {

    @Metadata(description = "The operation to perform, overriding the endpoint's.", javaType = "String")
    public static final String OPERATION = "CamelUnityPredictOperation";

    @Metadata(description = "The model to run, overriding the modelId option.", javaType = "String")
    public static final String MODEL_ID = "CamelUnityPredictModelId";

    @Metadata(description = "Output variables wanted back (a List or a comma-separated String), overriding"
                            + " desiredOutcomes.", javaType = "String")
    public static final String DESIRED_OUTCOMES = "CamelUnityPredictDesiredOutcomes";

    @Metadata(description = "The name of the model's File input that a file body is given to, overriding"
                            + " fileInputName.", javaType = "String")
    public static final String FILE_INPUT_NAME = "CamelUnityPredictFileInputName";

    @Metadata(description = "Wait for the job or return at once, overriding waitForCompletion.", javaType = "Boolean")
    public static final String WAIT_FOR_COMPLETION = "CamelUnityPredictWaitForCompletion";

    @Metadata(description = "Where File outcomes are downloaded, overriding outputDirectory.", javaType = "String")
    public static final String OUTPUT_DIRECTORY = "CamelUnityPredictOutputDirectory";

    @Metadata(description = "The request id: set by predict and status; read by status and download.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelUnityPredictRequestId";

    @Metadata(description = "The session context id: set after each call; read by predict to continue a session.",
              javaType = "String")
    public static final String CONTEXT_ID = "CamelUnityPredictContextId";

    @Metadata(description = "The request's status: Completed, Processing or Error.", javaType = "String")
    public static final String STATUS = "CamelUnityPredictStatus";

    @Metadata(description = "The label of the answer: the first value of the first output variable that is not a File"
                            + " (a class, a Boolean or a number, as text); absent while the request is processing.",
              javaType = "String")
    public static final String TOP_LABEL = "CamelUnityPredictTopLabel";

    @Metadata(description = "The probability the service gave that value.", javaType = "Double")
    public static final String TOP_SCORE = "CamelUnityPredictTopScore";

    @Metadata(description = "What the call cost, as the service reports it.", javaType = "Double")
    public static final String COMPUTE_COST = "CamelUnityPredictComputeCost";

    @Metadata(description = "Run time of the inference (hh:mm:ss.fffffff).", javaType = "String")
    public static final String COMPUTE_TIME = "CamelUnityPredictComputeTime";

    @Metadata(description = "Compute time actually charged (hh:mm:ss.fffffff).", javaType = "String")
    public static final String COMPUTE_TIME_CHARGED = "CamelUnityPredictComputeTimeCharged";

    @Metadata(description = "The service's error messages, when it reported any.", javaType = "String")
    public static final String ERROR_MESSAGES = "CamelUnityPredictErrorMessages";

    @Metadata(description = "Files downloaded for File outcomes (and by download).",
              javaType = "java.util.List<java.io.File>")
    public static final String OUTPUT_FILES = "CamelUnityPredictOutputFiles";

    @Metadata(description = "The output file download fetches, when the body does not name it.", javaType = "String")
    public static final String FILE_NAME = "CamelUnityPredictFileName";

    @Metadata(description = "Identifies the message across restarts so that a pending job is resumed rather than"
                            + " submitted again. Files picked up by the file consumer are recognised without it.",
              javaType = "String")
    public static final String JOB_KEY = "CamelUnityPredictJobKey";

    private UnityPredictConstants() {
    }
}
