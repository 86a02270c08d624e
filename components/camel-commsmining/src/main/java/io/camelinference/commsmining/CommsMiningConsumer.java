package io.camelinference.commsmining;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

import io.camelinference.commsmining.client.CommsMiningClient;
import io.camelinference.commsmining.model.CommsMiningStreamBatch;
import io.camelinference.commsmining.model.CommsMiningStreamResult;
import io.camelinference.commsmining.model.PredictedLabel;
import io.camelinference.commsmining.model.StreamException;
import io.camelinference.common.consumer.BatchPollingConsumerSupport;
import io.camelinference.common.error.Failures;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Reads a stream as the reinfer CLI's listen loop does, on the engine's batch-polling base: each poll fetches a batch
 * and routes one exchange per comment (the {@link CommsMiningStreamResult} as body; sequence id, uid and label names as
 * headers); the stream is advanced only once every exchange of the batch completed, so a failure or a crash mid-batch
 * means the batch is fetched and delivered again (at least once). A batch the stream's filter emptied is advanced past
 * at once and the next one fetched. A comment that fails {@code maxAttempts} polls in a row is reported with
 * {@code PUT exceptions} and skipped. Empty polls count as idle, so polling backs off while the stream is empty.
 * <p>
 * Poisoned comments are reported on the poll thread once their batch completed, all in one {@code PUT exceptions} and
 * before the stream is advanced: the base class learns of them in the exchanges' completion callbacks, which run on
 * the component's completion threads when the route ends in a commsmining producer. Waiting there for the report's
 * answer, which only a completion thread can deliver, would deadlock as soon as every completion thread did so.
 */
final class CommsMiningConsumer extends BatchPollingConsumerSupport<CommsMiningStreamResult> {

    /** Filtered-only batches advanced past in one poll before the poll gives the thread back. */
    static final int MAX_FILTERED_BATCHES_PER_POLL = 100;

    private final CommsMiningConfiguration configuration;
    private final CommsMiningClient client;
    /** Comments of the batch in progress found poisoned, not reported yet; added to from completion callbacks. */
    private final Queue<StreamException> unreported = new ConcurrentLinkedQueue<>();

    CommsMiningConsumer(CommsMiningEndpoint endpoint, Processor processor) {
        super(endpoint, processor, endpoint.getConfiguration().getMaxAttempts());
        this.configuration = endpoint.getConfiguration();
        this.client = new CommsMiningClient(endpoint.http());
    }

    @Override
    protected Batch<CommsMiningStreamResult> fetch() throws Exception {
        CommsMiningStreamBatch batch = await(fetchBatch());
        for (int skipped = 0; results(batch).isEmpty() && batch.filtered() > 0; skipped++) {
            if (skipped == MAX_FILTERED_BATCHES_PER_POLL) {
                return new Batch<>(List.of(), true, batch.sequenceId());
            }
            await(client.advance(configuration.getProject(), configuration.getDataset(), configuration.getStream(),
                    batch.sequenceId()));
            batch = await(fetchBatch());
        }
        return new Batch<>(results(batch), false, batch.sequenceId());
    }

    private static List<CommsMiningStreamResult> results(CommsMiningStreamBatch batch) {
        return batch.results() == null ? List.of() : batch.results();
    }

    private CompletableFuture<CommsMiningStreamBatch> fetchBatch() {
        return client.fetch(configuration.getProject(), configuration.getDataset(), configuration.getStream(),
                configuration.getFetchSize());
    }

    @Override
    protected void describe(Exchange exchange, CommsMiningStreamResult item) {
        Message m = exchange.getMessage();
        m.setBody(item);
        m.setHeader(CommsMiningConstants.PROJECT, configuration.getProject());
        m.setHeader(CommsMiningConstants.DATASET, configuration.getDataset());
        m.setHeader(CommsMiningConstants.STREAM, configuration.getStream());
        m.setHeader(CommsMiningConstants.SEQUENCE_ID, item.sequenceId());
        m.setHeader(CommsMiningConstants.COMMENT_UID, item.comment() == null ? null : item.comment().uid());
        List<String> names = new ArrayList<>();
        PredictedLabel top = null;
        for (PredictedLabel l : item.labels() == null ? List.<PredictedLabel>of() : item.labels()) {
            names.add(l.fullName());
            if (top == null || l.probability() > top.probability()) {
                top = l;
            }
        }
        m.setHeader(CommsMiningConstants.LABEL_NAMES, names);
        m.setHeader(CommsMiningConstants.LABEL_COUNT, names.size());
        if (top != null) {
            m.setHeader(CommsMiningConstants.TOP_LABEL, top.fullName());
            m.setHeader(CommsMiningConstants.TOP_SCORE, top.probability());
        }
    }

    @Override
    protected String itemId(CommsMiningStreamResult item) {
        return item.comment() != null && item.comment().uid() != null ? item.comment().uid() : item.sequenceId();
    }

    /** Reports the batch's poisoned comments first: once advanced past, they could no longer be reported. */
    @Override
    protected void commit(Batch<CommsMiningStreamResult> batch) throws Exception {
        reportPoisoned();
        await(client.advance(configuration.getProject(), configuration.getDataset(), configuration.getStream(),
                (String) batch.cursor()));
    }

    /** Only records the comment: this runs in an exchange's completion callback, possibly on a completion thread. */
    @Override
    protected void poisoned(CommsMiningStreamResult item, Exception lastError) {
        unreported.add(new StreamException(new StreamException.Metadata(configuration.getExceptionType()),
                itemId(item)));
    }

    /**
     * Routes the batch, then reports the poisoned comments of a batch that is not committed (another comment failed)
     * too, as they were already counted as skipped. It comes again anyway, so a failed report is only logged.
     */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        try {
            return super.processBatch(exchanges);
        } finally {
            if (!unreported.isEmpty()) {
                try {
                    reportPoisoned();
                } catch (Exception e) {
                    getExceptionHandler().handleException("Poisoned comments of a batch that comes again could not"
                            + " be reported", e);
                }
            }
        }
    }

    /**
     * One {@code PUT exceptions} for every comment recorded; they are dropped even when it fails, as the batch then
     * is not advanced and its comments come again.
     */
    private void reportPoisoned() throws Exception {
        List<StreamException> exceptions = new ArrayList<>();
        for (StreamException e; (e = unreported.poll()) != null; ) {
            exceptions.add(e);
        }
        if (!exceptions.isEmpty()) {
            await(client.exceptions(configuration.getProject(), configuration.getDataset(), configuration.getStream(),
                    exceptions));
        }
    }

    /** The poll thread waits for the call (bounded by the client's timeouts) and sees its own failure, unwrapped. */
    private static <T> T await(CompletableFuture<T> call) throws Exception {
        try {
            return call.get();
        } catch (ExecutionException e) {
            Throwable cause = Failures.cause(e.getCause());
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }
}
