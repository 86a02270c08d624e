package io.camelinference.annolab.client;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.model.AnnoLabAnnotationType;
import io.camelinference.annolab.model.AnnoLabLayer;
import io.camelinference.annolab.model.AnnoLabRelation;
import io.camelinference.annolab.model.AnnotationJson;
import io.camelinference.annolab.model.AnnotationRequests;
import io.camelinference.annolab.model.AnnotationTypeRequest;
import io.camelinference.annolab.model.LayerRequest;
import io.camelinference.annolab.model.NewRelation;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.retry.RetrySafety;

import static io.camelinference.common.http.PathSegments.path;

/**
 * AnnoLab's annotations, relations, layers and annotation types as typed, non-blocking calls.
 * <p>
 * Which calls may be sent again after the service may have received them:
 * <ul>
 * <li>{@code layer/create}, {@code annotation-type/create} and the single {@code relation/create}: never
 * ({@code NOT_AFTER_RECEIVED}). They are not idempotent: a layer or type created by the first attempt makes the second
 * answer 409, and the single relation call has no documented duplicate check.</li>
 * <li>The source annotations call, {@code annotation/bulk-create} and {@code relation/bulk-create} with
 * {@code preventDuplication: true}: yes ({@code IDEMPOTENT}). AnnoLab documents that with it an annotation with the
 * same type, offsets, layer and source as an existing one is not created again, so a re-sent request adds nothing the
 * first one created and answers the annotations it made (the SDK's importer relies on the same to map a re-run's ids);
 * relations are sent with the same flag by the SDK and are matched on their two annotations and type. A request
 * refused as a whole (4xx) wrote nothing.</li>
 * <li>The same calls with {@code preventDuplication: false}: never, since every attempt would add copies.</li>
 * </ul>
 */
public final class AnnotationClient {

    private final InferenceHttpClient http;

    public AnnotationClient(InferenceHttpClient http) {
        this.http = http;
    }

    public CompletableFuture<AnnoLabLayer> createLayer(LayerRequest body) {
        return http.send(post("/v1/layer/create", body, false), AnnoLabLayer.class);
    }

    public CompletableFuture<AnnoLabAnnotationType> createAnnotationType(AnnotationTypeRequest body) {
        return http.send(post("/v1/annotation-type/create", body, false), AnnoLabAnnotationType.class);
    }

    /** Annotations (and relations between them) on one source, named by its path as the SDK's create_annotations. */
    public CompletableFuture<AnnotationRequests.OnSourceAnswer> createOnSource(String group, String project,
                                                                           String directory, String source,
                                                                           AnnotationRequests.OnSource body) {
        return http.send(post(path("v1", "source", group, project, directory, source, "annotations"), body,
                body.preventDuplication()), AnnotationRequests.OnSourceAnswer.class);
    }

    /** At most 2000 annotations, each naming its project and source; the answers in the same order. */
    public CompletableFuture<List<AnnotationJson>> bulkCreateAnnotations(AnnotationRequests.BulkAnnotations body) {
        return http.send(post("/v1/annotation/bulk-create", body, body.preventDuplication()), AnnotationJson[].class)
                .thenApply(Arrays::asList);
    }

    public CompletableFuture<AnnoLabRelation> createRelation(NewRelation body) {
        return http.send(post("/v1/relation/create", body, false), AnnoLabRelation.class);
    }

    public CompletableFuture<List<AnnoLabRelation>> bulkCreateRelations(AnnotationRequests.BulkRelations body) {
        return http.send(post("/v1/relation/bulk-create", body, body.preventDuplication()), AnnoLabRelation[].class)
                .thenApply(Arrays::asList);
    }

    private static ApiRequest post(String path, Object body, boolean idempotent) {
        return ApiRequest.post(path).body(RequestBody.json(body))
                .safety(idempotent ? RetrySafety.IDEMPOTENT : RetrySafety.NOT_AFTER_RECEIVED).build();
    }
}
