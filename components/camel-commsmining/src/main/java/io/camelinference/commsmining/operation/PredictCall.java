package io.camelinference.commsmining.operation;

import java.util.List;

/**
 * One message's prediction, as the binding read it.
 *
 * @param target    the dataset and model version
 * @param settings  threshold, labels, raw e-mail settings
 * @param documents the documents (or raw e-mails), in order; already checked against the service's limits
 * @param single    whether the body was one document (the answer is one prediction, and it may be micro-batched)
 * @param <D>       a document or a raw e-mail
 */
public record PredictCall<D>(PredictTarget target, PredictSettings settings, List<D> documents, boolean single) {
}
