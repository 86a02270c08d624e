package io.camelinference.annolab.operation;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.common.operation.Operation;

/**
 * {@code annolab:create-source}: one source from one document. When the answer to the creating call is lost (dropped,
 * timed out, 5xx), the source is looked up by its name: found, it is the answer; not found, the original failure is.
 * The creating call itself is never re-sent. A PDF stream is spooled here, not in the binding, so every outcome after
 * the copy, a synchronous failure included, ends in its release.
 */
public final class CreateSourceOperation implements Operation<CreateSourceCall, AnnoLabSource> {

    private final SourceSteps sources;
    private final Path spoolDirectory;

    /** @param spoolDirectory where a PDF stream of unknown length is copied before its upload */
    public CreateSourceOperation(SourceSteps sources, Path spoolDirectory) {
        this.sources = sources;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public CompletableFuture<AnnoLabSource> execute(CreateSourceCall call) {
        Document document = call.document();
        return CompletableFuture.completedFuture(document)
                .thenCompose(d -> sources.create(call.target(), d.withKnownLength(spoolDirectory), d.name()))
                .exceptionallyCompose(error -> Outcomes.unknown(error)
                        ? sources.find(call.target(), document.name()).thenCompose(found -> found
                                .map(CompletableFuture::completedFuture)
                                .orElseGet(() -> CompletableFuture.failedFuture(error)))
                        : CompletableFuture.failedFuture(error))
                .whenComplete((source, error) -> document.release());
    }
}
