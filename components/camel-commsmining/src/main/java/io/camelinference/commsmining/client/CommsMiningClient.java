package io.camelinference.commsmining.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.camelinference.commsmining.model.CommentPredictionsResponse;
import io.camelinference.commsmining.model.CommsMiningPredictRequest;
import io.camelinference.commsmining.model.CommsMiningStreamBatch;
import io.camelinference.commsmining.model.CommsMiningValidation;
import io.camelinference.commsmining.model.LabelRequest;
import io.camelinference.commsmining.model.PredictResponse;
import io.camelinference.commsmining.model.RawEmailRequest;
import io.camelinference.commsmining.model.StatusResponse;
import io.camelinference.commsmining.model.StreamException;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.retry.RetrySafety;

import static io.camelinference.common.http.PathSegments.encode;

/**
 * Communications Mining's API as typed, non-blocking calls, each with its retry safety. Billed predictions are
 * {@link RetrySafety#NOT_AFTER_RECEIVED} unless the caller opts in; stream fetch, advance and reset are too, as the
 * reinfer CLI never retries them (the consumer's next poll fetches the batch again); reads, predict-comments (not
 * billed) and exceptions are retried. Every answer's {@code status} must say {@code ok}: an error envelope under a 2xx
 * is a protocol error, as the CLI treats it.
 */
public final class CommsMiningClient {

    private static final String PROVIDER = "commsmining";

    private final InferenceHttpClient http;

    public CommsMiningClient(InferenceHttpClient http) {
        this.http = http;
    }

    /** Predicts documents; billed one AI unit per document. */
    public CompletableFuture<PredictResponse> predict(String project, String dataset, String version,
                                                      CommsMiningPredictRequest request, RetrySafety safety) {
        return send(ApiRequest.post(labeller(project, dataset, version) + "/predict").body(RequestBody.json(request))
                .safety(safety).build(), PredictResponse.class, PredictResponse::status);
    }

    /** Predicts raw e-mails; billed one AI unit per e-mail. */
    public CompletableFuture<PredictResponse> predictRawEmails(String project, String dataset, String version,
                                                               RawEmailRequest request, RetrySafety safety) {
        return send(ApiRequest.post(labeller(project, dataset, version) + "/predict-raw-emails")
                .body(RequestBody.json(request)).safety(safety).build(), PredictResponse.class, PredictResponse::status);
    }

    /**
     * Predicts comments already on the platform. Billed one AI unit per comment like every prediction, so the caller
     * says how it may be retried (the reinfer CLI retries it like a read; a billed call is not re-sent once received).
     */
    public CompletableFuture<CommentPredictionsResponse> predictComments(String project, String dataset, String version,
                                                                         List<String> uids, Object threshold,
                                                                         List<LabelRequest> labels,
                                                                         RetrySafety safety) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("uids", uids);
        if (threshold != null) {
            body.put("threshold", threshold);
        }
        if (labels != null) {
            body.put("labels", labels);
        }
        return send(ApiRequest.post(labeller(project, dataset, version) + "/predict-comments")
                .body(RequestBody.json(body)).safety(safety).build(),
                CommentPredictionsResponse.class, CommentPredictionsResponse::status);
    }

    public CompletableFuture<CommsMiningValidation.Response> validation(String project, String dataset, String version) {
        return send(ApiRequest.get(labeller(project, dataset, version) + "/validation").build(),
                CommsMiningValidation.Response.class, CommsMiningValidation.Response::status);
    }

    /** The next batch of a stream; the same batch again until the stream is advanced. */
    public CompletableFuture<CommsMiningStreamBatch> fetch(String project, String dataset, String stream, int size) {
        return send(ApiRequest.post(stream(project, dataset, stream) + "/fetch").body(RequestBody.json(Map.of("size",
                size))).safety(RetrySafety.NOT_AFTER_RECEIVED).build(), CommsMiningStreamBatch.class,
                CommsMiningStreamBatch::status);
    }

    public CompletableFuture<Void> advance(String project, String dataset, String stream, String sequenceId) {
        return send(ApiRequest.post(stream(project, dataset, stream) + "/advance").body(RequestBody.json(Map.of(
                "sequence_id", sequenceId))).safety(RetrySafety.NOT_AFTER_RECEIVED).build(), StatusResponse.class,
                StatusResponse::status).thenApply(ok -> null);
    }

    /** Moves the stream to the comments created at or after the instant (ISO-8601). */
    public CompletableFuture<Void> reset(String project, String dataset, String stream, String toCommentCreatedAt) {
        return send(ApiRequest.post(stream(project, dataset, stream) + "/reset").body(RequestBody.json(Map.of(
                "to_comment_created_at", toCommentCreatedAt))).safety(RetrySafety.NOT_AFTER_RECEIVED).build(),
                StatusResponse.class, StatusResponse::status).thenApply(ok -> null);
    }

    /** Reports comments the consumer could not process; a PUT of the same exceptions again changes nothing. */
    public CompletableFuture<Void> exceptions(String project, String dataset, String stream,
                                              List<StreamException> exceptions) {
        return send(ApiRequest.put(stream(project, dataset, stream) + "/exceptions").body(RequestBody.json(Map.of(
                "exceptions", exceptions))).safety(RetrySafety.IDEMPOTENT).build(), StatusResponse.class,
                StatusResponse::status).thenApply(ok -> null);
    }

    private <T> CompletableFuture<T> send(ApiRequest request, Class<T> type, Function<T, String> status) {
        return http.send(request, type).thenApply(answer -> {
            String s = status.apply(answer);
            if (s != null && !"ok".equals(s)) {
                throw new InferenceException(PROVIDER, PROVIDER + " " + InferenceHttpClient.describe(request)
                        + " answered 2xx with status '" + s + "' in its body: a protocol error, the answer is not"
                        + " used");
            }
            return answer;
        });
    }

    private static String labeller(String project, String dataset, String version) {
        return "/api/v1/datasets/" + encode(project) + "/" + encode(dataset) + "/labellers/" + encode(version);
    }

    private static String stream(String project, String dataset, String stream) {
        return "/api/v1/datasets/" + encode(project) + "/" + encode(dataset) + "/streams/" + encode(stream);
    }
}
