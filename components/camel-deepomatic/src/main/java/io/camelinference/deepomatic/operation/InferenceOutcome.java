package io.camelinference.deepomatic.operation;

import java.util.List;

import io.camelinference.deepomatic.model.DeepomaticResult;

/**
 * What inference gives back.
 *
 * @param specId  the recognition specification, or null for an inference on a version
 * @param versionId the recognition version, or null for an inference on a specification
 * @param single  whether the body was one image (the body becomes that image's result) or a List
 * @param results one per image, in body order
 */
public record InferenceOutcome(String specId, String versionId, boolean single, List<DeepomaticResult> results) {
}
