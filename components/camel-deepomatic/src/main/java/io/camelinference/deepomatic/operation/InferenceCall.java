package io.camelinference.deepomatic.operation;

import java.util.List;

import io.camelinference.common.job.ResumableRequest;

/**
 * One inference message, as the binding read it: one or more images on one recognition specification, or on one
 * recognition version.
 *
 * @param specId            the recognition specification, or null for an inference on a version
 * @param isPublic          whether it is a public specification
 * @param versionId         the recognition version, or null for an inference on a specification
 * @param images            the images, in body order (one for a single-image body)
 * @param single            whether the body was one image rather than a List
 * @param options           how to recognise them
 * @param waitForCompletion wait for the tasks, or return once they are created
 * @param jobKey            identifies the message across attempts and restarts, or null
 * @param taskIds           the task ids as they become known
 */
public record InferenceCall(String specId, boolean isPublic, String versionId, List<ImageInput> images, boolean single,
                            InferenceOptions options, boolean waitForCompletion, String jobKey, TaskIds taskIds)
        implements ResumableRequest {

    /** The store keys of every image, released once the exchange completed. */
    @Override
    public java.util.Collection<String> jobKeys() {
        if (jobKey == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, images.size()).mapToObj(this::key).toList();
    }

    /** The store key of one image: the message's key for a single image, {@code <key>#<index>} for a List element. */
    String key(int index) {
        if (jobKey == null) {
            return null;
        }
        return single ? jobKey : jobKey + "#" + index;
    }
}
