package io.camelinference.commsmining.binding;

import io.camelinference.commsmining.CommsMiningConfiguration;
import io.camelinference.commsmining.model.CommsMiningDocument;
import io.camelinference.commsmining.model.CommsMiningPredictRequest;
import io.camelinference.commsmining.operation.PredictCall;
import io.camelinference.commsmining.operation.PredictResult;
import io.camelinference.common.operation.Binding;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code commsmining:predict}: the body to documents (checked against the service's limits), options and headers. */
public final class PredictBinding implements Binding<PredictCall<CommsMiningDocument>, PredictResult> {

    private final CommsMiningConfiguration configuration;

    public PredictBinding(CommsMiningConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public PredictCall<CommsMiningDocument> read(Exchange exchange) {
        Message in = exchange.getMessage();
        Documents.Read read = Documents.read(in.getBody());
        CommsMiningPredictRequest request = read.request();
        return new PredictCall<>(RequestOptions.target(in, configuration, "commsmining:predict"),
                RequestOptions.settings(in, configuration, request == null ? null : request.threshold(),
                        request == null ? null : request.labels()),
                read.documents(), read.single());
    }

    @Override
    public void write(Exchange exchange, PredictResult result) {
        PredictionHeaders.write(exchange.getMessage(), result, true);
    }
}
