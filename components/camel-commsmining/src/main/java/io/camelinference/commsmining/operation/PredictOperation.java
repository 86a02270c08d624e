package io.camelinference.commsmining.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.camelinference.commsmining.CommsMiningService;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.PredictResponse;
import io.camelinference.common.batch.BatchSplitter;
import io.camelinference.common.batch.MicroBatcher;
import io.camelinference.common.operation.Operation;

/**
 * {@code predict} and {@code predict-raw-emails}: a List body is split into requests of at most 4096 documents, sent at
 * most {@code maxConcurrentRequests} at a time, and the predictions joined in input order (the engine's
 * {@link BatchSplitter}); with micro-batching on, one-document messages of the same target and settings share requests
 * of up to {@code batchSize} documents (the engine's {@link MicroBatcher}), each getting its own prediction. Nothing
 * waits on a thread.
 *
 * @param <D> a document or a raw e-mail
 */
public final class PredictOperation<D> implements Operation<PredictCall<D>, PredictResult> {

    /** Sends one request of at most 4096 documents. */
    @FunctionalInterface
    public interface Sender<D> {
        CompletableFuture<PredictResponse> send(PredictTarget target, PredictSettings settings, List<D> documents);
    }

    private record BatchKey(PredictTarget target, PredictSettings settings) {
    }

    private final Sender<D> sender;
    private final int batchSize;
    private final Duration linger;
    private final int concurrency;
    private final ScheduledExecutorService scheduler;
    private final Map<BatchKey, MicroBatcher<D, Predicted>> batchers = new ConcurrentHashMap<>();

    public PredictOperation(Sender<D> sender, int batchSize, Duration linger, int concurrency,
                            ScheduledExecutorService scheduler) {
        this.sender = sender;
        this.batchSize = batchSize;
        this.linger = linger;
        this.concurrency = concurrency;
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<PredictResult> execute(PredictCall<D> call) {
        if (call.single() && batchSize > 0) {
            MicroBatcher<D, Predicted> batcher = batchers.computeIfAbsent(new BatchKey(call.target(), call.settings()),
                    key -> new MicroBatcher<>(batchSize, linger, scheduler, batch -> send(key.target(), key.settings(),
                            batch)));
            return batcher.submit(call.documents().get(0))
                    .thenApply(p -> new PredictResult(List.of(p.prediction()), p.model(), true));
        }
        return BatchSplitter.split(call.documents(), CommsMiningService.MAX_DOCUMENTS, concurrency,
                        chunk -> send(call.target(), call.settings(), chunk))
                .thenApply(all -> {
                    List<CommsMiningPrediction> predictions = new ArrayList<>(all.size());
                    all.forEach(p -> predictions.add(p.prediction()));
                    return new PredictResult(predictions, all.isEmpty() ? null : all.get(0).model(), call.single());
                });
    }

    private CompletableFuture<List<Predicted>> send(PredictTarget target, PredictSettings settings, List<D> documents) {
        return sender.send(target, settings, documents).thenApply(r -> Responses.split(r, documents.size()));
    }

    /** Sends what is lingering now (the producer is stopping). */
    public void flush() {
        batchers.values().forEach(MicroBatcher::flush);
    }
}
