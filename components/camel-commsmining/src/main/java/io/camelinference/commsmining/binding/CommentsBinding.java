package io.camelinference.commsmining.binding;

import java.util.Collection;
import java.util.List;

import io.camelinference.commsmining.CommsMiningConfiguration;
import io.camelinference.commsmining.operation.CommentsCall;
import io.camelinference.commsmining.operation.PredictResult;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code commsmining:predict-comments}: comment uids from a List or a comma-separated String body. */
public final class CommentsBinding implements Binding<CommentsCall, PredictResult> {

    private final CommsMiningConfiguration configuration;

    public CommentsBinding(CommsMiningConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public CommentsCall read(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        List<String> uids = MessageValues.list(body);
        if (uids.isEmpty()) {
            throw new IllegalArgumentException("commsmining:predict-comments needs comment uids (source_id.comment_id)"
                    + " in the body: a List or a comma-separated String; the body is " + MessageValues.describe(body));
        }
        for (String uid : uids) {
            if (!uid.matches("[^.\\s]+\\.\\S+")) {
                throw new IllegalArgumentException("commsmining:predict-comments: '" + uid + "' is not a comment uid;"
                        + " a uid is source_id.comment_id, e.g. 18ba5ce699f8da1f.0001");
            }
        }
        boolean single = !(body instanceof Collection<?>) && uids.size() == 1;
        return new CommentsCall(RequestOptions.target(in, configuration, "commsmining:predict-comments"),
                RequestOptions.settings(in, configuration, null, null), uids, single);
    }

    @Override
    public void write(Exchange exchange, PredictResult result) {
        PredictionHeaders.write(exchange.getMessage(), result, false);
    }
}
