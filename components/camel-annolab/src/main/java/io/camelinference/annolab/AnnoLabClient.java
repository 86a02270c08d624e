package io.camelinference.annolab;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.ExportStarted;
import io.camelinference.annolab.model.ExportStatus;
import io.camelinference.annolab.model.InferenceJob;
import io.camelinference.annolab.model.PdfUploadUrl;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.retry.RetrySafety;
import org.apache.hc.core5.http.ContentType;

/**
 * AnnoLab's v1 API as typed, non-blocking calls. Calls that create something (a source, a job, an export) are never
 * re-sent once the service may have received them; reads, the upload PUT and init-pdf (which only hands out a link)
 * are retried.
 */
public final class AnnoLabClient {

    private final InferenceHttpClient http;

    public AnnoLabClient(InferenceHttpClient http) {
        this.http = http;
    }

    public CompletableFuture<AnnoLabSource> createText(Map<String, Object> body) {
        return http.send(ApiRequest.post("/v1/source/create-text").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), AnnoLabSource.class);
    }

    /** Asks for a signed upload URL; creates no source, so it may be retried. */
    public CompletableFuture<PdfUploadUrl> initPdf(Map<String, Object> body) {
        return http.send(ApiRequest.post("/v1/source/init-pdf").body(RequestBody.json(body))
                .safety(RetrySafety.IDEMPOTENT).build(), PdfUploadUrl.class);
    }

    /** PUTs the PDF to its signed URL, streamed, without the API key (the URL carries its own authorisation). */
    public CompletableFuture<Void> upload(String uploadUrl, UploadSource pdf) {
        return http.send(ApiRequest.put(uploadUrl).withoutAuth()
                .body(RequestBody.upload(pdf, ContentType.create("application/pdf"))).build())
                .thenApply(response -> null);
    }

    public CompletableFuture<AnnoLabSource> createPdf(Map<String, Object> body) {
        return http.send(ApiRequest.post("/v1/source/create-pdf").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), AnnoLabSource.class);
    }

    public CompletableFuture<AnnoLabSource> source(long id) {
        return http.send(ApiRequest.get("/v1/source/" + id).build(), AnnoLabSource.class);
    }

    /** Starts a (billed) inference job: never re-sent once the service may have received it. */
    public CompletableFuture<InferenceJob> inferBatch(Map<String, Object> body) {
        return http.send(ApiRequest.post("/v1/infer/batch").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), InferenceJob.class);
    }

    public CompletableFuture<InferenceJob> inferenceStatus(long jobId) {
        return http.send(ApiRequest.get("/v1/infer/batch/" + jobId).build(), InferenceJob.class);
    }

    public CompletableFuture<ExportStarted> exportProject(Map<String, Object> body) {
        return http.send(ApiRequest.post("/v1/export/project").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), ExportStarted.class);
    }

    /** Polls an export at the status URL the service gave (absolute, or relative to the base URL). */
    public CompletableFuture<ExportStatus> exportStatus(String exportStatusUrl) {
        return http.send(ApiRequest.get(exportStatusUrl).build(), ExportStatus.class);
    }

    /** Streams the export zip from its signed URL to {@code target}, without the API key. */
    public CompletableFuture<Path> download(String downloadUrl, Path target) {
        return http.send(ApiRequest.get(downloadUrl).withoutAuth().downloadTo(target).build())
                .thenApply(response -> response.file());
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
