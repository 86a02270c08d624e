package io.camelinference.annolab.operation;

import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.common.operation.Operation;

/**
 * {@code annolab:create-source}: one source from one document. When the answer to the creating call is lost (dropped,
 * timed out, 5xx), the source is looked up by its name: found, it is the answer; not found, the original failure is.
 * The creating call itself is never re-sent.
 */
public final class CreateSourceOperation implements Operation<CreateSourceCall, AnnoLabSource> {

    private final SourceSteps sources;

    public CreateSourceOperation(SourceSteps sources) {
        this.sources = sources;
    }

    @Override
    public CompletableFuture<AnnoLabSource> execute(CreateSourceCall call) {
        Document document = call.document();
        return sources.create(call.target(), document, document.name())
                .exceptionallyCompose(error -> Outcomes.unknown(error)
                        ? sources.find(call.target(), document.name()).thenCompose(found -> found
                                .map(CompletableFuture::completedFuture)
                                .orElseGet(() -> CompletableFuture.failedFuture(error)))
                        : CompletableFuture.failedFuture(error))
                .whenComplete((source, error) -> document.release());
    }
}
