package io.camelinference.labelstudio.operation;

/**
 * An interactive pre-annotation request.
 *
 * @param backendId the interactive ML backend
 * @param taskId    the task
 * @param context   what the annotator did (e.g. a keypoint or a region), passed to the backend; may be null
 */
public record Interactive(long backendId, long taskId, Object context) {
}
