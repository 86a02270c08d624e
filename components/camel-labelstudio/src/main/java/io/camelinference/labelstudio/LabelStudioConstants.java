package io.camelinference.labelstudio;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the Label Studio component. Headers set on the message override options. */
public final class LabelStudioConstants {

    @Metadata(description = "The operation to perform, overriding the endpoint's.", javaType = "String")
    public static final String OPERATION = "CamelLabelStudioOperation";

    @Metadata(description = "The project: read by project operations, overriding projectId; set by create-project,"
                            + " get-project and by the ml-backend consumer.", javaType = "Long")
    public static final String PROJECT_ID = "CamelLabelStudioProjectId";

    @Metadata(description = "The ML backend: read by backend operations, overriding backendId; set by create-backend"
                            + " and get-backend.", javaType = "Long")
    public static final String BACKEND_ID = "CamelLabelStudioBackendId";

    @Metadata(description = "The task: read by create-prediction (a body of regions), list-predictions and"
                            + " interactive-annotating; set by the ml-backend consumer.", javaType = "Long")
    public static final String TASK_ID = "CamelLabelStudioTaskId";

    @Metadata(description = "Task ids: set by import-tasks; read by retrieve-predictions (all tasks when absent).",
              javaType = "java.util.List<Long>")
    public static final String TASK_IDS = "CamelLabelStudioTaskIds";

    @Metadata(description = "The prediction: read by get-, update- and delete-prediction; set by create-prediction.",
              javaType = "Long")
    public static final String PREDICTION_ID = "CamelLabelStudioPredictionId";

    @Metadata(description = "A model version: set by backend operations; on the ml-backend consumer's exchange the"
                            + " version its predictions get, which the route may change per task.", javaType = "String")
    public static final String MODEL_VERSION = "CamelLabelStudioModelVersion";

    @Metadata(description = "The score of a task's prediction, set by the route of the ml-backend consumer (else the"
                            + " mean of the regions' scores).", javaType = "Double")
    public static final String SCORE = "CamelLabelStudioScore";

    @Metadata(description = "The top label of a prediction: the first label (a choice, a label of a span or a box) of"
                            + " its best-scored region. Set by create-, get- and update-prediction.", javaType = "String")
    public static final String TOP_LABEL = "CamelLabelStudioTopLabel";

    @Metadata(description = "The score of the top label: its region's, else the prediction's.", javaType = "Double")
    public static final String TOP_SCORE = "CamelLabelStudioTopScore";

    @Metadata(description = "The ML backend's state (CO, DI, ER, TR): set by backend operations.", javaType = "String")
    public static final String BACKEND_STATE = "CamelLabelStudioBackendState";

    @Metadata(description = "How many tasks were imported (import-tasks) or listed (list-tasks).", javaType = "Integer")
    public static final String TASK_COUNT = "CamelLabelStudioTaskCount";

    @Metadata(description = "How many predictions were imported, listed or (for retrieve-predictions) are stored for"
                            + " the selected tasks.", javaType = "Integer")
    public static final String PREDICTION_COUNT = "CamelLabelStudioPredictionCount";

    @Metadata(description = "How many annotations were imported.", javaType = "Integer")
    public static final String ANNOTATION_COUNT = "CamelLabelStudioAnnotationCount";

    @Metadata(description = "How many tasks retrieve-predictions processed, as Label Studio reports it.",
              javaType = "Integer")
    public static final String PROCESSED_ITEMS = "CamelLabelStudioProcessedItems";

    @Metadata(description = "The ml-backend consumer's webhook event: START_TRAINING, ANNOTATION_CREATED,"
                            + " ANNOTATION_UPDATED or ANNOTATION_DELETED; PREDICT for a task of a predict request.",
              javaType = "String")
    public static final String ACTION = "CamelLabelStudioAction";

    @Metadata(description = "The export format (JSON, JSON_MIN, CSV, ...), overriding exportType.", javaType = "String")
    public static final String EXPORT_TYPE = "CamelLabelStudioExportType";

    /**
     * The exchange property holding the {@code LabelStudioTask} a consumer exchange was made for, kept whatever the
     * route does to the body; the value helpers read its label config from there.
     */
    public static final String TASK_PROPERTY = "CamelLabelStudioTask";

    private LabelStudioConstants() {
    }
}
