package io.camelinference.commsmining.binding;

import io.camelinference.commsmining.CommsMiningConstants;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.PredictedLabel;
import io.camelinference.commsmining.operation.PredictResult;
import io.camelinference.common.operation.TopLabel;
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
            TopLabel.write(message, CommsMiningConstants.TOP_LABEL, CommsMiningConstants.TOP_SCORE,
                    top == null ? null : TopLabel.of(top.fullName(), top.probability()));
            message.setBody(only);
        } else {
            TopLabel.write(message, CommsMiningConstants.TOP_LABEL, CommsMiningConstants.TOP_SCORE, null);
            message.setBody(result.predictions());
        }
    }
}
