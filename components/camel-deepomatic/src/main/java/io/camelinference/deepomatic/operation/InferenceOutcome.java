package io.camelinference.deepomatic.operation;

import java.util.List;

import io.camelinference.deepomatic.model.DeepomaticResult;

/**
 * What inference gives back.
 *
 * @param specId  the recognition specification
 * @param single  whether the body was one image (the body becomes that image's result) or a List
 * @param results one per image, in body order
 */
public record InferenceOutcome(String specId, boolean single, List<DeepomaticResult> results) {
}
