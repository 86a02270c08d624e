package io.camelinference.deepomatic;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the Deepomatic component. Headers set on the message override options. */
public final class DeepomaticConstants {

    @Metadata(description = "The operation to perform, overriding the endpoint's (e.g. task).", javaType = "String")
    public static final String OPERATION = "CamelDeepomaticOperation";

    @Metadata(description = "The recognition specification: read by inference, spec, update-spec, delete-spec and"
                            + " spec-versions (overriding specId); set by inference on a specification, by every"
                            + " specification operation and by version and create-version.", javaType = "String")
    public static final String SPEC_ID = "CamelDeepomaticSpecId";

    @Metadata(description = "The recognition version: read by inference (run the version; over a spec header), version"
                            + " and delete-version (overriding versionId); set by inference on a version and by"
                            + " version, create-version and delete-version.", javaType = "String")
    public static final String VERSION_ID = "CamelDeepomaticVersionId";

    @Metadata(description = "The network: read by network, update-network and delete-network (overriding networkId);"
                            + " set by every network operation.", javaType = "String")
    public static final String NETWORK_ID = "CamelDeepomaticNetworkId";

    @Metadata(description = "Whether the network is a public one, overriding publicNetwork.", javaType = "Boolean")
    public static final String PUBLIC_NETWORK = "CamelDeepomaticPublicNetwork";

    @Metadata(description = "Whether the specification is a public one, overriding publicSpec.", javaType = "Boolean")
    public static final String PUBLIC_SPEC = "CamelDeepomaticPublicSpec";

    @Metadata(description = "Return the discarded labels too, overriding showDiscarded.", javaType = "Boolean")
    public static final String SHOW_DISCARDED = "CamelDeepomaticShowDiscarded";

    @Metadata(description = "Most predictions per output, overriding maxPredictions.", javaType = "Integer")
    public static final String MAX_PREDICTIONS = "CamelDeepomaticMaxPredictions";

    @Metadata(description = "Region of the image to recognise, \"xmin,ymin,xmax,ymax\" relative, overriding bbox.",
              javaType = "String")
    public static final String BBOX = "CamelDeepomaticBbox";

    @Metadata(description = "Polygon of the image to recognise, x,y;x,y;x,y relative (or a List of DeepomaticPoint),"
                            + " overriding polygon.", javaType = "String")
    public static final String POLYGON = "CamelDeepomaticPolygon";

    @Metadata(description = "Cut the image's uniform background off first, overriding cropUniformBackground.",
              javaType = "Boolean")
    public static final String CROP_UNIFORM_BACKGROUND = "CamelDeepomaticCropUniformBackground";

    @Metadata(description = "Wait for the task or return at once, overriding waitForCompletion.", javaType = "Boolean")
    public static final String WAIT_FOR_COMPLETION = "CamelDeepomaticWaitForCompletion";

    @Metadata(description = "The task id: set by inference (one image, also when its task failed or timed out), task"
                            + " and create-network (the network's deployment task); read by task.", javaType = "String")
    public static final String TASK_ID = "CamelDeepomaticTaskId";

    @Metadata(description = "The task ids: set by inference (one per image, in body order; null for an image whose task"
                            + " was not created), also when it failed; read by tasks (a List or a comma-separated String).", javaType = "java.util.List<String>")
    public static final String TASK_IDS = "CamelDeepomaticTaskIds";

    @Metadata(description = "The task status: pending, success or error (on a failed or timed-out single image: its last"
                            + " known status).", javaType = "String")
    public static final String TASK_STATUS = "CamelDeepomaticTaskStatus";

    @Metadata(description = "The best predicted label of the first output: set by inference (one image) and task.", javaType = "String")
    public static final String TOP_LABEL = "CamelDeepomaticTopLabel";

    @Metadata(description = "The score of the best predicted label.", javaType = "Double")
    public static final String TOP_SCORE = "CamelDeepomaticTopScore";

    @Metadata(description = "How many images inference sent: each is one billed inference.", javaType = "Integer")
    public static final String IMAGE_COUNT = "CamelDeepomaticImageCount";

    @Metadata(description = "How many specifications specs returned.", javaType = "Integer")
    public static final String SPEC_COUNT = "CamelDeepomaticSpecCount";

    @Metadata(description = "How many versions versions or spec-versions returned.", javaType = "Integer")
    public static final String VERSION_COUNT = "CamelDeepomaticVersionCount";

    @Metadata(description = "How many networks networks returned.", javaType = "Integer")
    public static final String NETWORK_COUNT = "CamelDeepomaticNetworkCount";

    @Metadata(description = "Identifies the message across restarts so that a pending task is resumed rather than"
                            + " started (and billed) again; each image of a List is remembered as key#index. Files picked"
                            + " up by the file consumer are recognised without it. A new key submits on purpose an image"
                            + " whose earlier submission has an unknown outcome.", javaType = "String")
    public static final String JOB_KEY = "CamelDeepomaticJobKey";

    private DeepomaticConstants() {
    }
}
