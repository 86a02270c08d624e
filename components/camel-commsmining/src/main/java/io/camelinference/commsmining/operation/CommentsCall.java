package io.camelinference.commsmining.operation;

import java.util.List;

/**
 * A predict-comments call: comment uids ({@code <source id>.<comment id>}), in order.
 *
 * @param single whether the body was one uid (the answer is one prediction)
 */
public record CommentsCall(PredictTarget target, PredictSettings settings, List<String> uids, boolean single) {
}
