package io.camelinference.annolab.operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.client.AnnotationClient;
import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabAnnotationType;
import io.camelinference.annolab.model.AnnoLabExport;
import io.camelinference.annolab.model.AnnoLabLayer;
import io.camelinference.annolab.model.AnnoLabRelation;
import io.camelinference.annolab.model.AnnotationRequests;
import io.camelinference.annolab.model.AnnotationTypeRequest;
import io.camelinference.annolab.model.ImportResult;
import io.camelinference.annolab.model.LayerRequest;
import io.camelinference.annolab.model.NewAnnotation;
import io.camelinference.annolab.model.NewRelation;
import io.camelinference.common.batch.BatchSplitter;
import io.camelinference.common.error.Failures;
import io.camelinference.common.operation.Operation;

/**
 * import-annotations: an export's annotations (and relations) into a project, as the SDK's importer does it
 * ({@code Project.update_from_export(skip_sources=True)}: {@code import_annotation_types}, {@code import_layers},
 * {@code import_annotations}, {@code import_relations}): its annotation types and layers are created (409, "exists
 * already", is skipped), its annotations bulk-created in requests of bulkSize with their original ids as clientIds,
 * and its relations bulk-created between the new ids. Each annotation goes to the source of the same name in the same
 * directory of the target project, or, when the message names one, onto that one source. With preventDuplication
 * (default) a second import of the same export adds nothing.
 */
public final class ImportOperation implements Operation<ImportOperation.Call, ImportResult> {

    /**
     * @param target a source every annotation goes onto, or null for each one's own source (by name and directory)
     */
    public record Call(ProjectRef project, SourceRef target, AnnoLabExport contents, boolean preventDuplication,
                       int bulkSize) {
    }

    private final AnnotationClient client;
    private final Projects projects;

    public ImportOperation(AnnotationClient client, Projects projects) {
        this.client = client;
        this.projects = projects;
    }

    @Override
    public CompletableFuture<ImportResult> execute(Call call) {
        return projects.id(call.project()).thenCompose(id -> target(call).thenCompose(target -> {
            CompletableFuture<Void> schema = CompletableFuture.completedFuture(null);
            for (AnnoLabAnnotationType t : call.contents().annotationTypes()) {
                schema = schema.thenCompose(v -> existsIsFine(client.createAnnotationType(new AnnotationTypeRequest(
                        t.category(), id, t.typeName(), t.color(), Boolean.TRUE.equals(t.isRelation()),
                        Boolean.TRUE.equals(t.isDocumentClassification())))));
            }
            for (AnnoLabLayer l : call.contents().layers()) {
                schema = schema.thenCompose(v -> existsIsFine(client.createLayer(new LayerRequest(id, l.layerName(),
                        Boolean.TRUE.equals(l.isGold()), l.description()))));
            }
            return schema.thenCompose(v -> annotations(call, id, target));
        }));
    }

    /** The target source as bulk items name it: its id, or its name and directory. */
    private CompletableFuture<Object[]> target(Call call) {
        SourceRef t = call.target();
        if (t == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (t.id() != null) {
            return CompletableFuture.completedFuture(new Object[] {t.id(), null});
        }
        return projects.path(t).thenApply(p -> new Object[] {p.name(), p.directory()});
    }

    private CompletableFuture<ImportResult> annotations(Call call, long projectId, Object[] target) {
        List<NewAnnotation> items = new ArrayList<>();
        List<String> originalIds = new ArrayList<>();
        int skipped = 0;
        for (AnnoLabAnnotation a : call.contents().annotations()) {
            if (target == null && a.sourceName() == null) {
                skipped++;
                continue;
            }
            String clientId = a.id() != null ? String.valueOf(a.id()) : a.clientId() != null ? a.clientId()
                    : "import-" + items.size();
            items.add(new NewAnnotation(a.type(), clientId, a.start() == null ? null : List.of(a.start(), a.end()),
                    a.value(), a.bbox(), a.textBounds(), a.imageBounds(), a.layer(), a.pageNumber(),
                    a.endPageNumber(), a.reviewed(), target != null ? target[0] : a.sourceName(),
                    target != null ? target[1] : a.directoryName(), projectId));
            originalIds.add(clientId);
        }
        int skippedAnnotations = skipped;
        return BatchSplitter.split(items, call.bulkSize(), 1, part -> client.bulkCreateAnnotations(
                        new AnnotationRequests.BulkAnnotations(part, call.preventDuplication()))
                .thenApply(AnnotationOperations::records)).thenCompose(created -> {
                    Map<String, Long> newIds = new HashMap<>();
                    for (int i = 0; i < created.size(); i++) {
                        newIds.put(originalIds.get(i), created.get(i).id());
                    }
                    return relations(call, projectId, newIds).thenApply(r -> new ImportResult(created, r.created,
                            skippedAnnotations, r.skipped));
                });
    }

    private record Relations(List<AnnoLabRelation> created, int skipped) {
    }

    private CompletableFuture<Relations> relations(Call call, long projectId, Map<String, Long> newIds) {
        List<NewRelation> items = new ArrayList<>();
        int skipped = 0;
        for (AnnoLabRelation r : call.contents().relations()) {
            Long from = r.predecessorId() == null ? null : newIds.get(String.valueOf(r.predecessorId()));
            Long to = r.successorId() == null ? null : newIds.get(String.valueOf(r.successorId()));
            if (from == null || to == null) {
                skipped++;
                continue;
            }
            items.add(new NewRelation(String.valueOf(from), String.valueOf(to), r.typeName(), r.value(),
                    r.isReviewed(), projectId));
        }
        int skippedRelations = skipped;
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(new Relations(List.of(), skippedRelations));
        }
        return BatchSplitter.split(items, call.bulkSize(), 1, part -> client.bulkCreateRelations(
                new AnnotationRequests.BulkRelations(part, call.preventDuplication())))
                .thenApply(created -> new Relations(created, skippedRelations));
    }

    /** A layer or type that exists already answers 409: skipped, as the SDK's importer skips it. */
    private static CompletableFuture<Void> existsIsFine(CompletableFuture<?> creation) {
        return creation.handle((created, error) -> {
            if (error != null && !Failures.isStatus(error, 409)) {
                throw error instanceof java.util.concurrent.CompletionException c ? c
                        : new java.util.concurrent.CompletionException(error);
            }
            return null;
        });
    }
}
