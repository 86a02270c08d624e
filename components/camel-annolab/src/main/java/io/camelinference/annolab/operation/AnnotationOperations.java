package io.camelinference.annolab.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.client.AnnotationClient;
import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabRelation;
import io.camelinference.annolab.model.AnnotationJson;
import io.camelinference.annolab.model.AnnotationRequests;
import io.camelinference.annolab.model.CreatedAnnotations;
import io.camelinference.annolab.model.NewAnnotation;
import io.camelinference.annolab.model.NewRelation;
import io.camelinference.common.batch.BatchSplitter;
import io.camelinference.common.operation.Operation;

/**
 * create-annotations (on one source, with relations), bulk-create-annotations, create-relations and
 * bulk-create-relations. Lists longer than bulkSize (at most the API's 2000) are sent as several requests, one after
 * the other, with the engine's {@link BatchSplitter}; the answers keep the input's order.
 */
public final class AnnotationOperations {

    /** Annotations (and relations between them by clientId) for one source. */
    public record OnSource(SourceRef source, List<NewAnnotation> annotations, List<NewRelation> relations,
                           boolean preventDuplication, int bulkSize) {
    }

    /**
     * Annotations that each name their source; those that name no project go to {@code project}.
     *
     * @param project null when every annotation names its project
     */
    public record Bulk(ProjectRef project, List<NewAnnotation> annotations, boolean preventDuplication, int bulkSize) {
    }

    /**
     * Relations between existing annotations (by id).
     *
     * @param project sent with the relations that name none, or null (the service takes the annotations' project)
     */
    public record Relations(ProjectRef project, List<NewRelation> relations, boolean preventDuplication,
                            int bulkSize) {
    }

    private final AnnotationClient client;
    private final Projects projects;

    public AnnotationOperations(AnnotationClient client, Projects projects) {
        this.client = client;
        this.projects = projects;
    }

    /**
     * The SDK's create_annotations: one request, so that relations can name the request's annotations by clientId;
     * without relations, a list longer than bulkSize goes in several requests.
     */
    public Operation<OnSource, CreatedAnnotations> createOnSource() {
        return call -> projects.path(call.source()).thenCompose(p -> {
            if (!call.relations().isEmpty()) {
                return client.createOnSource(p.group(), p.project(), p.directory(), p.name(),
                        new AnnotationRequests.OnSource(call.annotations(), call.relations(), call.preventDuplication()))
                        .thenApply(a -> new CreatedAnnotations(records(a.annotations()), listOf(a.relations())));
            }
            return BatchSplitter.split(call.annotations(), call.bulkSize(), 1, part -> client.createOnSource(
                    p.group(), p.project(), p.directory(), p.name(), new AnnotationRequests.OnSource(part, List.of(),
                            call.preventDuplication())).thenApply(a -> records(a.annotations())))
                    .thenApply(all -> new CreatedAnnotations(all, List.of()));
        });
    }

    /** The SDK's create_bulk_annotations, split as its importer splits (it sends 500 a request). */
    public Operation<Bulk, List<AnnoLabAnnotation>> bulkCreate() {
        return call -> projectId(call.project(), call.annotations().stream()
                .anyMatch(a -> a.projectIdentifier() == null)).thenCompose(id -> {
                    List<NewAnnotation> items = call.annotations().stream().map(a -> a.inProject(id)).toList();
                    return BatchSplitter.split(items, call.bulkSize(), 1, part -> client.bulkCreateAnnotations(
                            new AnnotationRequests.BulkAnnotations(part, call.preventDuplication()))
                            .thenApply(AnnotationOperations::records));
                });
    }

    /** One {@code relation/create} per relation, in order (the SDK names that endpoint; it has no function for it). */
    public Operation<Relations, List<AnnoLabRelation>> createRelations() {
        return call -> projectId(call.project(), true).thenCompose(id -> {
            CompletableFuture<List<AnnoLabRelation>> chain = CompletableFuture.completedFuture(new ArrayList<>());
            for (NewRelation r : call.relations()) {
                chain = chain.thenCompose(done -> client.createRelation(r.inProject(id)).thenApply(created -> {
                    done.add(created);
                    return done;
                }));
            }
            return chain;
        });
    }

    /** The SDK's create_bulk_relations. */
    public Operation<Relations, List<AnnoLabRelation>> bulkCreateRelations() {
        return call -> projectId(call.project(), true).thenCompose(id -> {
            List<NewRelation> items = call.relations().stream().map(r -> r.inProject(id)).toList();
            return BatchSplitter.split(items, call.bulkSize(), 1, part -> client.bulkCreateRelations(
                    new AnnotationRequests.BulkRelations(part, call.preventDuplication())));
        });
    }

    private CompletableFuture<Long> projectId(ProjectRef project, boolean needed) {
        return project == null || !needed ? CompletableFuture.completedFuture(null) : projects.id(project);
    }

    static List<AnnoLabAnnotation> records(List<AnnotationJson> answers) {
        return listOf(answers).stream().map(a -> a.toAnnotation(null)).toList();
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }
}
