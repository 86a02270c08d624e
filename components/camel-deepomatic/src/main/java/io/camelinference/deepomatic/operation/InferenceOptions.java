package io.camelinference.deepomatic.operation;

import io.camelinference.deepomatic.model.DeepomaticBox;

/**
 * How an image is recognised, as the binding read it from options and headers.
 *
 * @param showDiscarded  also return the labels below their threshold
 * @param maxPredictions most predictions per output, or null for all
 * @param bbox           the region to recognise, or null for the whole image
 */
public record InferenceOptions(boolean showDiscarded, Integer maxPredictions, DeepomaticBox bbox) {
}
