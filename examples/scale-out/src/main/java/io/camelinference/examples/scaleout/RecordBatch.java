package io.camelinference.examples.scaleout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.UnitOfWorkHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes a batch of Kafka records (camel-kafka's {@code batching=true}) on the consumer thread: every record goes
 * through the document route at once (the inference components hold no thread while a job runs, so a batch of 100
 * is 100 jobs in flight), then the batch's results, its dead letters and its input offsets are written in ONE Kafka
 * transaction ({@link BatchTransaction}). A replica killed before that commit leaves neither results nor offsets: the
 * records come again to a survivor, which resumes their stored jobs. A replica killed after it leaves nothing to redo.
 * <p>
 * Each record has a unit of work of its own, done only after the transaction: so the inference components release
 * (complete) the records' job keys only once their results are committed. A batch with a record that failed
 * unhandled (the job store out of reach), or whose transaction a rebalance refused, is not committed at all: the
 * consumer is put back at its first records, which are read again, their jobs resumed.
 */
public final class RecordBatch extends ServiceSupport implements Processor, CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(RecordBatch.class);

    private final String documentsUri;
    private final BatchTransaction transaction;
    private final ReplicaStats stats;
    private CamelContext camelContext;
    private AsyncProcessor documents;
    private ExecutorService dispatch;
    private ExecutorService completions;

    public RecordBatch(String documentsUri, String brokers, String outputTopic, String failedTopic, String replica,
                       ReplicaStats stats) {
        this.documentsUri = documentsUri;
        this.transaction = new BatchTransaction(brokers, outputTopic, failedTopic, replica);
        this.stats = stats;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    protected void doStart() throws Exception {
        documents = AsyncProcessorConverterHelper.convert(camelContext.getEndpoint(documentsUri).createAsyncProducer());
        ServiceHelper.startService(documents);
        // sends each document into its route up to its first asynchronous step (a job submitted), then is free
        dispatch = camelContext.getExecutorServiceManager().newFixedThreadPool(this, "scale-out-dispatch", 4);
        completions = camelContext.getExecutorServiceManager().newFixedThreadPool(this, "scale-out-completions", 8);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(documents);
        if (dispatch != null) {
            camelContext.getExecutorServiceManager().shutdown(dispatch);
            camelContext.getExecutorServiceManager().shutdown(completions);
        }
        transaction.close();
    }

    @Override
    public void process(Exchange batch) throws Exception {
        List<Exchange> records = new ArrayList<>();
        for (Object o : batch.getMessage().getBody(List.class)) {
            records.add((Exchange) o);
        }
        if (records.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        route(records);
        boolean committed = false;
        try {
            Exchange failed = records.stream().filter(r -> r.getException() != null).findFirst().orElse(null);
            if (failed != null) {
                LOG.warn("Document {} failed and could not be dead-lettered ({}); the batch of {} records is not"
                        + " committed and is read again", failed.getMessage().getHeader(KafkaConstants.KEY),
                        failed.getException().getMessage(), records.size());
            } else {
                committed = transaction.commit(records);
            }
            if (committed) {
                stats.committed(records, System.nanoTime() - started);
            } else {
                BatchTransaction.rewind(records);
            }
        } finally {
            finish(records, committed);
        }
    }

    /** Every record through the document route at once; a second record of the same document in the batch is skipped. */
    private void route(List<Exchange> records) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(records.size());
        Set<String> seen = new HashSet<>();
        for (Exchange record : records) {
            UnitOfWork uow = PluginHelper.getUnitOfWorkFactory(camelContext).createUnitOfWork(record);
            record.getExchangeExtension().setUnitOfWork(uow);
            String id = record.getMessage().getHeader(KafkaConstants.KEY, String.class);
            if (id != null && !seen.add(id)) {
                record.setProperty(Outcome.PROPERTY, Outcome.SKIPPED);
                done.countDown();
                continue;
            }
            // handed to another thread: this one runs inside Camel's reactive engine, whose queued work would
            // otherwise wait behind the await below
            dispatch.execute(() -> documents.process(record, doneSync -> done.countDown()));
        }
        done.await();
    }

    /**
     * Ends the records' units of work: committed, the components complete their job keys; not committed, every record
     * counts as failed, so its job state stays for the redelivery to resume.
     */
    private void finish(List<Exchange> records, boolean committed) {
        List<CompletableFuture<Void>> done = new ArrayList<>(records.size());
        for (Exchange r : records) {
            if (!committed && r.getException() == null) {
                r.setException(new IllegalStateException("its batch was not committed; it is read again"));
            }
            UnitOfWork uow = r.getUnitOfWork();
            if (uow != null) {
                done.add(CompletableFuture.runAsync(() -> UnitOfWorkHelper.doneUow(uow, r), completions));
            }
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            LOG.warn("Could not end the units of work of a batch: {}", e.getMessage());
        }
    }
}
