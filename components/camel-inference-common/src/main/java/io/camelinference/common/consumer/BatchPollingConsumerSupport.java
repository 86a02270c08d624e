package io.camelinference.common.consumer;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of a service-side cursor (Communications Mining streams): each poll fetches a batch, routes one exchange
 * per item, and commits (advances the cursor) only when every exchange of the batch completed; otherwise the batch is
 * fetched again on the next poll (at-least-once), as Camel's SQS consumer deletes messages only on completion.
 * <p>
 * An item that fails {@code maxAttempts} polls in a row is handed to {@link #poisoned} (e.g. reported to the service's
 * exception list) and skipped, so one poison item cannot block the cursor for ever. Empty polls count as idle, so
 * Camel's {@code backoffIdleThreshold} and {@code backoffMultiplier} slow polling down while there is nothing to read.
 *
 * @param <T> an item of a batch
 */
public abstract class BatchPollingConsumerSupport<T> extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BatchPollingConsumerSupport.class);

    /**
     * What one fetch returned.
     *
     * @param items         the items to route
     * @param commitIfEmpty commit even though no item is routed (e.g. every item of the batch was filtered out
     *                      by the service): the cursor must move on past them
     * @param cursor        what {@link #commit} needs (a sequence id)
     */
    public record Batch<T>(List<T> items, boolean commitIfEmpty, Object cursor) {
    }

    private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();
    private final int maxAttempts;
    private Batch<T> current;

    protected BatchPollingConsumerSupport(Endpoint endpoint, Processor processor, int maxAttempts) {
        super(endpoint, processor);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    /** Fetches the next batch (may block the poll thread, within the client's timeouts). */
    protected abstract Batch<T> fetch() throws Exception;

    /** Puts the item on the exchange (body and headers). */
    protected abstract void describe(Exchange exchange, T item);

    /** A stable id of the item, to count its failed attempts. */
    protected abstract String itemId(T item);

    /** Moves the service-side cursor past the batch. */
    protected abstract void commit(Batch<T> batch) throws Exception;

    /** Called once for an item skipped after {@code maxAttempts} failed attempts, before the batch is committed. */
    protected void poisoned(T item, Exception lastError) throws Exception {
    }

    @Override
    protected int poll() throws Exception {
        Batch<T> batch = fetch();
        if (batch.items().isEmpty()) {
            if (batch.commitIfEmpty()) {
                commit(batch);
            }
            return 0;
        }
        current = batch;
        Queue<Object> exchanges = new LinkedList<>();
        for (T item : batch.items()) {
            Exchange exchange = createExchange(true);
            describe(exchange, item);
            exchange.setProperty(ITEM_PROPERTY, item);
            exchanges.add(exchange);
        }
        return processBatch(exchanges);
    }

    private static final String ITEM_PROPERTY = "CamelInferenceBatchItem";

    @Override
    @SuppressWarnings("unchecked")
    public int processBatch(Queue<Object> exchanges) throws Exception {
        List<Exchange> batch = new ArrayList<>();
        exchanges.forEach(e -> batch.add((Exchange) e));
        CountDownLatch done = new CountDownLatch(batch.size());
        AtomicBoolean allCompleted = new AtomicBoolean(true);
        int total = batch.size();
        for (int index = 0; index < total; index++) {
            Exchange exchange = batch.get(index);
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            T item = (T) exchange.getProperty(ITEM_PROPERTY);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, doneSync -> {
                try {
                    settle(exchange, item, allCompleted);
                } finally {
                    releaseExchange(exchange, true);
                    done.countDown();
                }
            });
        }
        done.await();
        pendingExchanges = 0;
        if (allCompleted.get()) {
            commit(current);
        }
        return total;
    }

    /** Records the item's outcome; a poison item is reported and counts as completed so the cursor moves on. */
    private void settle(Exchange exchange, T item, AtomicBoolean allCompleted) {
        String id = itemId(item);
        Exception error = exchange.getException();
        if (error == null) {
            failedAttempts.remove(id);
            return;
        }
        int attempts = failedAttempts.merge(id, 1, Integer::sum);
        if (attempts < maxAttempts) {
            allCompleted.set(false);
            getExceptionHandler().handleException("Item " + id + " failed (attempt " + attempts + " of " + maxAttempts
                    + "); the batch is not committed and comes again", exchange, error);
            return;
        }
        try {
            poisoned(item, error);
            failedAttempts.remove(id);
            LOG.warn("Item {} failed {} times in a row; reported and skipped so the cursor can move on: {}", id,
                    attempts, error.getMessage());
        } catch (Exception reportFailed) {
            allCompleted.set(false);
            getExceptionHandler().handleException("Item " + id + " could not be reported as poisoned", exchange,
                    reportFailed);
        }
    }

    /** How many failed attempts the item has, for tests and the dev console. */
    public int attempts(String itemId) {
        return failedAttempts.getOrDefault(itemId, 0);
    }
}
