package io.camelinference.commsmining.operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.camelinference.commsmining.CommsMiningService;
import io.camelinference.commsmining.client.CommsMiningClient;
import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.ModelInfo;
import io.camelinference.common.batch.BatchSplitter;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.retry.RetrySafety;

/**
 * {@code predict-comments}: uids split into requests of at most 4096 like predict's documents; each answer is matched
 * back to the uids by uid, so the predictions come in the order the uids were given. Billed like predict (one AI unit
 * per comment), so retried like predict.
 */
public final class PredictCommentsOperation implements Operation<CommentsCall, PredictResult> {

    private final CommsMiningClient client;
    private final int concurrency;
    private final RetrySafety billed;

    public PredictCommentsOperation(CommsMiningClient client, int concurrency, RetrySafety billed) {
        this.client = client;
        this.concurrency = concurrency;
        this.billed = billed;
    }

    @Override
    public CompletableFuture<PredictResult> execute(CommentsCall call) {
        PredictTarget t = call.target();
        AtomicReference<ModelInfo> model = new AtomicReference<>();
        return BatchSplitter.split(call.uids(), CommsMiningService.MAX_DOCUMENTS, concurrency, chunk ->
                client.predictComments(t.project(), t.dataset(), t.modelVersion(), chunk, call.settings().threshold(),
                        call.settings().labels(), billed).thenApply(answer -> {
                            model.set(answer.model());
                            Map<String, CommsMiningPrediction> byUid = new HashMap<>();
                            answer.predictions().forEach(p -> byUid.put(p.uid(), p));
                            List<CommsMiningPrediction> ordered = new ArrayList<>(chunk.size());
                            for (String uid : chunk) {
                                CommsMiningPrediction p = byUid.get(uid);
                                if (p == null) {
                                    throw new InferenceException("commsmining", "Communications Mining answered no"
                                            + " prediction for comment " + uid);
                                }
                                ordered.add(p);
                            }
                            return ordered;
                        }))
                .thenApply(all -> new PredictResult(all, model.get(), call.single()));
    }
}
