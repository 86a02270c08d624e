package io.camelinference.unitypredict.operation;

import java.io.File;
import java.util.List;

import io.camelinference.unitypredict.model.UnityPredictResponse;

/**
 * What predict and status give back: the service's response and the File outcomes downloaded for it.
 *
 * @param response    the final (or, when not waiting, the first) response
 * @param outputFiles files downloaded into the output directory, in outcome order; empty when none
 */
public record PredictResult(UnityPredictResponse response, List<File> outputFiles) {
}
