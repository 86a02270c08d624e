package io.camelinference.commsmining;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the Communications Mining component. Headers set on the message override options. */
public final class CommsMiningConstants {

    @Metadata(description = "The operation to perform, overriding the endpoint's.", javaType = "String")
    public static final String OPERATION = "CamelCommsMiningOperation";

    @Metadata(description = "The project, overriding the project option.", javaType = "String")
    public static final String PROJECT = "CamelCommsMiningProject";

    @Metadata(description = "The dataset, overriding the dataset option.", javaType = "String")
    public static final String DATASET = "CamelCommsMiningDataset";

    @Metadata(description = "The model version to ask (a number, live, staging or latest), overriding modelVersion.",
              javaType = "String")
    public static final String MODEL_VERSION = "CamelCommsMiningModelVersion";

    @Metadata(description = "The confidence threshold (a number from 0 to 1, or auto), overriding threshold.",
              javaType = "String")
    public static final String THRESHOLD = "CamelCommsMiningThreshold";

    @Metadata(description = "The labels to return (a List or the comma-separated form of the labels option),"
                            + " overriding labels.", javaType = "String")
    public static final String LABELS = "CamelCommsMiningLabels";

    @Metadata(description = "Set by predict and predict-raw-emails: the pinned model version that answered.",
              javaType = "Integer")
    public static final String PREDICTED_MODEL_VERSION = "CamelCommsMiningPredictedModelVersion";

    @Metadata(description = "Set by predict and predict-raw-emails: the AI units this message was billed (one per"
                            + " document).", javaType = "Integer")
    public static final String AI_UNITS = "CamelCommsMiningAiUnits";

    @Metadata(description = "The number of labels predicted (of the one document, or of all documents of a List).",
              javaType = "Integer")
    public static final String LABEL_COUNT = "CamelCommsMiningLabelCount";

    @Metadata(description = "The most probable label, its levels joined by a greater-than sign as Communications"
                            + " Mining writes them (single documents and stream comments).", javaType = "String")
    public static final String TOP_LABEL = "CamelCommsMiningTopLabel";

    @Metadata(description = "The probability of the top label.", javaType = "Double")
    public static final String TOP_SCORE = "CamelCommsMiningTopScore";

    @Metadata(description = "The names of the labels of a stream comment, written as the top label is.",
              javaType = "java.util.List<String>")
    public static final String LABEL_NAMES = "CamelCommsMiningLabelNames";

    @Metadata(description = "The stream, overriding the stream option.", javaType = "String")
    public static final String STREAM = "CamelCommsMiningStream";

    @Metadata(description = "The sequence id: of a stream comment (consumer), of a fetched batch (stream-fetch), or to"
                            + " advance to (stream-advance, else the body).", javaType = "String")
    public static final String SEQUENCE_ID = "CamelCommsMiningSequenceId";

    @Metadata(description = "The uid of a stream comment (source id.comment id).", javaType = "String")
    public static final String COMMENT_UID = "CamelCommsMiningCommentUid";

    @Metadata(description = "Set by stream-fetch: whether the batch reached the current end of the stream.",
              javaType = "Boolean")
    public static final String IS_END_SEQUENCE = "CamelCommsMiningIsEndSequence";

    @Metadata(description = "Set by stream-fetch: comments the stream's filter left out of the batch.",
              javaType = "Integer")
    public static final String FILTERED = "CamelCommsMiningFiltered";

    @Metadata(description = "Where stream-reset moves the stream: comments created from this instant on (an ISO-8601"
                            + " String, Instant, Date or OffsetDateTime; else the body).", javaType = "String")
    public static final String RESET_TO = "CamelCommsMiningResetTo";

    private CommsMiningConstants() {
    }
}
