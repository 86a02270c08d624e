package io.camelinference.annolab.operation;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.annolab.model.AnnoLabProject;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.SourceRequest;
import io.camelinference.common.error.InferenceException;

/**
 * Making a source and finding it again: text through create-text; PDFs through init-pdf, a streamed PUT to the signed
 * URL and create-pdf; a source looked up by its name (after a lost answer or a crash, before creating it again); the
 * remembered sources checked by id.
 */
public final class SourceSteps {

    static final String PROVIDER = "annolab";

    private final AnnoLabClient client;

    public SourceSteps(AnnoLabClient client) {
        this.client = client;
    }

    /** Creates the document as a source named {@code name}. */
    public CompletableFuture<AnnoLabSource> create(Target t, Document document, String name) {
        if (!document.pdf()) {
            return client.createText(SourceRequest.text(t.project(), t.group(), t.directory(), name, document.text()))
                    .thenApply(SourceSteps::requireId);
        }
        return client.initPdf(SourceRequest.initPdf(t.project(), t.group(), t.directory(), name))
                .thenCompose(link -> {
                    if (link.uploadUrl() == null || link.uploadUrl().isBlank()) {
                        throw new InferenceException(PROVIDER, "AnnoLab init-pdf answered without an uploadUrl");
                    }
                    return client.upload(link.uploadUrl(), document.upload());
                })
                .thenCompose(uploaded -> client.createPdf(SourceRequest.createPdf(t.project(), t.group(), t.directory(),
                        name)))
                .thenApply(SourceSteps::requireId);
    }

    /**
     * The source of that name in the target's directory (the project's default directory when none is configured), or
     * empty when the service answers 404 for it. The project is read first when its name or default directory is
     * needed (a project given by id, no directory configured).
     */
    public CompletableFuture<Optional<AnnoLabSource>> find(Target t, String name) {
        boolean needProject = t.directory() == null || t.project().matches("\\d{1,18}");
        CompletableFuture<AnnoLabProject> project = needProject ? client.project(t.group(), t.project())
                : CompletableFuture.completedFuture(null);
        return project.thenCompose(p -> {
            String projectName = p == null || p.name() == null ? t.project() : p.name();
            String directory = t.directory() != null ? t.directory() : p.defaultDirectory();
            if (directory == null || directory.isBlank()) {
                throw new InferenceException(PROVIDER, "AnnoLab named no defaultDirectory for project " + projectName
                        + ", so source " + name + " cannot be looked up by name: set directoryIdentifier");
            }
            return client.findSource(t.group(), projectName, directory, name)
                    .thenApply(Optional::of)
                    .exceptionally(error -> {
                        if (Outcomes.notFound(error)) {
                            return Optional.empty();
                        }
                        throw error instanceof CompletionException c ? c : new CompletionException(error);
                    });
        });
    }

    /** Completes when the service knows every source; fails with its 404 for the first one it does not. */
    public CompletableFuture<Void> check(List<Long> sourceIds) {
        return CompletableFuture.allOf(sourceIds.stream().map(client::source).toArray(CompletableFuture[]::new));
    }

    private static AnnoLabSource requireId(AnnoLabSource source) {
        if (source == null || source.id() == null) {
            throw new InferenceException(PROVIDER, "AnnoLab created the source but its answer has no id");
        }
        return source;
    }
}
