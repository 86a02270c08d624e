package io.camelinference.commsmining.binding;

import io.camelinference.commsmining.CommsMiningConstants;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.PredictedLabel;
import io.camelinference.commsmining.operation.PredictResult;
import org.apache.camel.Message;

/**
 * Puts predictions on a message: one prediction (one-document body) or the List in input order as body; the model
 * version, the AI units billed for this message (one per document), the number of labels, and for one document its top
 * label and probability as headers.
 */
final class PredictionHeaders {

    private PredictionHeaders() {
    }

    static void write(Message message, PredictResult result, boolean billed) {
        if (result.model() != null && result.model().version() != null) {
            message.setHeader(CommsMiningConstants.PREDICTED_MODEL_VERSION, result.model().version());
        }
        if (billed) {
            message.setHeader(CommsMiningConstants.AI_UNITS, result.predictions().size());
        }
        int labels = 0;
        for (CommsMiningPrediction p : result.predictions()) {
            labels += p.labels() == null ? 0 : p.labels().size();
        }
        message.setHeader(CommsMiningConstants.LABEL_COUNT, labels);
        if (result.single()) {
            CommsMiningPrediction only = result.predictions().get(0);
            PredictedLabel top = only.topLabel();
            if (top != null) {
                message.setHeader(CommsMiningConstants.TOP_LABEL, top.fullName());
                message.setHeader(CommsMiningConstants.TOP_LABEL_PROBABILITY, top.probability());
            } else {
                message.removeHeader(CommsMiningConstants.TOP_LABEL);
                message.removeHeader(CommsMiningConstants.TOP_LABEL_PROBABILITY);
            }
            message.setBody(only);
        } else {
            message.setBody(result.predictions());
        }
    }
}
