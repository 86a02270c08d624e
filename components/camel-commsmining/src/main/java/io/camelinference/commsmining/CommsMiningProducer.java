package io.camelinference.commsmining;

import java.time.Duration;

import io.camelinference.commsmining.binding.CommentsBinding;
import io.camelinference.commsmining.binding.PredictBinding;
import io.camelinference.commsmining.binding.RawEmailBinding;
import io.camelinference.commsmining.binding.StreamBindings;
import io.camelinference.commsmining.client.CommsMiningClient;
import io.camelinference.commsmining.model.CommsMiningDocument;
import io.camelinference.commsmining.model.CommsMiningPredictRequest;
import io.camelinference.commsmining.model.RawEmailDocument;
import io.camelinference.commsmining.model.RawEmailRequest;
import io.camelinference.commsmining.operation.PredictCommentsOperation;
import io.camelinference.commsmining.operation.PredictOperation;
import io.camelinference.commsmining.operation.StreamOperations;
import io.camelinference.common.billing.Billing;
import io.camelinference.common.component.InferenceProducer;
import io.camelinference.common.retry.RetrySafety;

/** Binds each Communications Mining operation to the class that carries it out; the engine does the rest. */
final class CommsMiningProducer extends InferenceProducer<CommsMiningOperation> {

    private final PredictOperation<CommsMiningDocument> predict;
    private final PredictOperation<RawEmailDocument> predictRawEmails;

    CommsMiningProducer(CommsMiningEndpoint endpoint) {
        super(endpoint, CommsMiningOperation.class, CommsMiningConstants.OPERATION, endpoint.getOperation());
        CommsMiningConfiguration c = endpoint.getConfiguration();
        CommsMiningClient client = new CommsMiningClient(http());
        RetrySafety billed = c.isRetryBilledCalls() ? RetrySafety.IDEMPOTENT : RetrySafety.NOT_AFTER_RECEIVED;
        Duration linger = Duration.ofMillis(c.getBatchLinger());
        predict = new PredictOperation<>((t, s, docs) -> client.predict(t.project(), t.dataset(), t.modelVersion(),
                new CommsMiningPredictRequest(docs, s.threshold(), s.labels()), billed), c.getBatchSize(), linger,
                c.getMaxConcurrentRequests(), runtime().scheduler());
        predictRawEmails = new PredictOperation<>((t, s, emails) -> client.predictRawEmails(t.project(), t.dataset(),
                t.modelVersion(), new RawEmailRequest(emails, s.threshold(), s.labels(), s.includeComments() ? true
                        : null, s.transformTag()), billed), c.getBatchSize(), linger, c.getMaxConcurrentRequests(),
                runtime().scheduler());
        StreamOperations streams = new StreamOperations(client);
        StreamBindings streamBindings = new StreamBindings(c);
        // one AI unit per document, raw e-mail or stored comment: UiPath bills every prediction
        bind(CommsMiningOperation.predict, new PredictBinding(c), predict,
                Billing.perItem(call -> call.documents().size()));
        bind(CommsMiningOperation.predictRawEmails, new RawEmailBinding(c, runtime().tempDirectory()), predictRawEmails,
                Billing.perItem(call -> call.documents().size()));
        bind(CommsMiningOperation.predictComments, new CommentsBinding(c),
                new PredictCommentsOperation(client, c.getMaxConcurrentRequests(), billed),
                Billing.perItem(call -> call.uids().size()));
        bind(CommsMiningOperation.validation, streamBindings.validation(), streams.validation());
        bind(CommsMiningOperation.streamFetch, streamBindings.fetch(), streams.fetch());
        bind(CommsMiningOperation.streamAdvance, streamBindings.advance(), streams.advance());
        bind(CommsMiningOperation.streamReset, streamBindings.reset(), streams.reset());
    }

    @Override
    protected void doStop() throws Exception {
        // messages lingering in a micro-batch are sent, not left waiting for a scheduler that is going away
        predict.flush();
        predictRawEmails.flush();
        super.doStop();
    }
}
