package io.camelinference.unitypredict.binding;

import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.unitypredict.UnityPredictConfiguration;
import io.camelinference.unitypredict.UnityPredictConstants;
import io.camelinference.unitypredict.operation.PredictResult;
import io.camelinference.unitypredict.operation.StatusQuery;
import org.apache.camel.Exchange;

/** {@code unitypredict:status}: the request id from the header or body; the response to body and headers. */
public final class StatusBinding implements Binding<StatusQuery, PredictResult> {

    private final UnityPredictConfiguration configuration;

    public StatusBinding(UnityPredictConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public StatusQuery read(Exchange exchange) {
        return new StatusQuery(MessageValues.id(exchange.getMessage(), UnityPredictConstants.REQUEST_ID,
                "unitypredict:status", "a request id"), PredictBinding.outputDirectory(exchange.getMessage(), configuration));
    }

    @Override
    public void write(Exchange exchange, PredictResult result) {
        ResponseHeaders.write(exchange.getMessage(), result);
    }
}
