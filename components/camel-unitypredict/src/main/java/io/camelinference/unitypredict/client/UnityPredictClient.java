package io.camelinference.unitypredict.client;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.body.RequestBody;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.common.time.Deadline;
import io.camelinference.unitypredict.model.UnityPredictRequest;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import io.camelinference.unitypredict.model.UploadLink;
import org.apache.hc.core5.http.ContentType;

import static io.camelinference.common.http.PathSegments.encode;

/** UnityPredict's REST API as typed, non-blocking calls, each with its retry safety. */
public final class UnityPredictClient {

    private final InferenceHttpClient http;

    public UnityPredictClient(InferenceHttpClient http) {
        this.http = http;
    }

    /** Runs a model; billed, so never re-sent once the service may have received it. */
    public CompletableFuture<UnityPredictResponse> predict(String modelId, UnityPredictRequest request) {
        return http.send(ApiRequest.post("/predict/" + encode(modelId)).body(RequestBody.json(request))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), UnityPredictResponse.class);
    }

    /** Runs a model on an initialized request (its files uploaded); billed, never re-sent once received. */
    public CompletableFuture<UnityPredictResponse> predict(String modelId, String requestId, UnityPredictRequest request) {
        return http.send(ApiRequest.post("/predict/" + encode(modelId) + "/" + encode(requestId))
                .body(RequestBody.json(request)).safety(RetrySafety.NOT_AFTER_RECEIVED).build(),
                UnityPredictResponse.class);
    }

    /** Starts a request and gives its id before anything is billed. Creates nothing billable, so it may be retried. */
    public CompletableFuture<UnityPredictResponse> initialize(String modelId) {
        return http.send(ApiRequest.post("/predict/initialize/" + encode(modelId)).safety(RetrySafety.IDEMPOTENT)
                .build(), UnityPredictResponse.class);
    }

    public CompletableFuture<UploadLink> uploadLink(String requestId, String fileName) {
        return http.send(ApiRequest.get("/predict/upload/" + encode(requestId) + "/" + encode(fileName)).build(),
                UploadLink.class);
    }

    /** PUTs the file to its signed link, streamed, without the API key (the link carries its own authorisation). */
    public CompletableFuture<Void> upload(UploadLink link, UploadSource source) {
        return http.send(ApiRequest.put(link.uploadLink()).withoutAuth()
                .body(RequestBody.upload(source, ContentType.APPLICATION_OCTET_STREAM)).build())
                .thenApply(response -> null);
    }

    public CompletableFuture<UnityPredictResponse> status(String requestId) {
        return status(requestId, Deadline.none());
    }

    /** The request's status, the call bounded by the waiting job's deadline. */
    public CompletableFuture<UnityPredictResponse> status(String requestId, Deadline deadline) {
        return http.send(ApiRequest.get("/predict/status/" + encode(requestId)).deadline(deadline).statusCheck().build(),
                UnityPredictResponse.class);
    }

    /** Streams an output file to {@code target}. */
    public CompletableFuture<Path> download(String requestId, String fileName, Path target) {
        return http.send(ApiRequest.get("/predict/download/" + encode(requestId) + "/" + encode(fileName))
                .downloadTo(target).build()).thenApply(response -> response.file());
    }
}
