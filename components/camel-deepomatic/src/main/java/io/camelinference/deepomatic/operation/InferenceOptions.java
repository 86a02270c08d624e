package io.camelinference.deepomatic.operation;

import java.util.List;

import io.camelinference.deepomatic.model.DeepomaticBox;
import io.camelinference.deepomatic.model.DeepomaticPoint;

/**
 * How an image is recognised, as the binding read it from options and headers.
 *
 * @param showDiscarded  also return the labels below their threshold
 * @param maxPredictions most predictions per output, or null for all
 * @param bbox           the region to recognise, or null for the whole image
 * @param polygon        the polygon to recognise (at least 3 points), or null for the whole image (or bbox)
 * @param cropUniformBackground cut the image's uniform background off before recognising it
 */
public record InferenceOptions(boolean showDiscarded, Integer maxPredictions, DeepomaticBox bbox,
                               List<DeepomaticPoint> polygon, boolean cropUniformBackground) {

    public InferenceOptions(boolean showDiscarded, Integer maxPredictions, DeepomaticBox bbox) {
        this(showDiscarded, maxPredictions, bbox, null, false);
    }
}
