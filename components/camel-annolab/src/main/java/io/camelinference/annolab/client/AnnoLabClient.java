package io.camelinference.annolab.client;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.model.AnnoLabProject;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.ExportRequest;
import io.camelinference.annolab.model.ExportStarted;
import io.camelinference.annolab.model.ExportStatus;
import io.camelinference.annolab.model.InferRequest;
import io.camelinference.annolab.model.InferenceJob;
import io.camelinference.annolab.model.PdfUploadUrl;
import io.camelinference.annolab.model.ServiceMessage;
import io.camelinference.annolab.model.SourceRequest;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.common.time.Deadline;
import org.apache.hc.core5.http.ContentType;

import static io.camelinference.common.http.PathSegments.encode;

/**
 * AnnoLab's v1 API as typed, non-blocking calls. Calls that create something (a source, a job, an export) are never
 * re-sent once the service may have received them; reads, the upload PUT and init-pdf (which only hands out a link)
 * are retried. The key goes only to the configured base URL's origin (the engine refuses any other); the signed upload
 * and download URLs get no key.
 */
public final class AnnoLabClient {

    private final InferenceHttpClient http;

    public AnnoLabClient(InferenceHttpClient http) {
        this.http = http;
    }

    public CompletableFuture<AnnoLabSource> createText(SourceRequest body) {
        return http.send(ApiRequest.post("/v1/source/create-text").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), AnnoLabSource.class);
    }

    /** Asks for a signed upload URL; creates no source, so it may be retried. */
    public CompletableFuture<PdfUploadUrl> initPdf(SourceRequest body) {
        return http.send(ApiRequest.post("/v1/source/init-pdf").body(RequestBody.json(body))
                .safety(RetrySafety.IDEMPOTENT).build(), PdfUploadUrl.class);
    }

    /** PUTs the PDF to its signed URL, streamed, without the API key (the URL carries its own authorisation). */
    public CompletableFuture<Void> upload(String uploadUrl, UploadSource pdf) {
        return http.send(ApiRequest.put(uploadUrl).withoutAuth()
                .body(RequestBody.upload(pdf, ContentType.create("application/pdf"))).build())
                .thenApply(response -> null);
    }

    public CompletableFuture<AnnoLabSource> createPdf(SourceRequest body) {
        return http.send(ApiRequest.post("/v1/source/create-pdf").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), AnnoLabSource.class);
    }

    public CompletableFuture<AnnoLabSource> source(long id) {
        return http.send(ApiRequest.get("/v1/source/" + id).build(), AnnoLabSource.class);
    }

    /** A source by its name in a directory (the SDK's find_source); fails with the service's 404 when there is none. */
    public CompletableFuture<AnnoLabSource> findSource(String group, String project, String directory, String name) {
        return http.send(ApiRequest.get("/v1/source/" + encode(group) + "/" + encode(project) + "/" + encode(directory)
                + "/" + encode(name)).build(), AnnoLabSource.class);
    }

    /**
     * Deletes a source by id: retried like a read, since deleting twice leaves the same state; a retry after the first
     * attempt deleted it answers 404.
     */
    public CompletableFuture<ServiceMessage> deleteSource(long id) {
        return http.send(ApiRequest.delete("/v1/source/" + id).build(), ServiceMessage.class);
    }

    /** Deletes a source by its name in a directory (the SDK's delete_using_name path); as {@link #deleteSource(long)}. */
    public CompletableFuture<ServiceMessage> deleteSource(String group, String project, String directory,
                                                          String name) {
        return http.send(ApiRequest.delete("/v1/source/" + encode(group) + "/" + encode(project) + "/"
                + encode(directory) + "/" + encode(name)).build(), ServiceMessage.class);
    }

    /** A project by its id (digits) or by its name in the group. */
    public CompletableFuture<AnnoLabProject> project(String group, String identifier) {
        String path = identifier.matches("\\d{1,18}") ? "/v1/project/" + identifier
                : "/v1/project/" + encode(group) + "/" + encode(identifier);
        return http.send(ApiRequest.get(path).build(), AnnoLabProject.class);
    }

    /** Starts a (billed) inference job: never re-sent once the service may have received it. */
    public CompletableFuture<InferenceJob> inferBatch(InferRequest body) {
        return http.send(ApiRequest.post("/v1/infer/batch").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), InferenceJob.class);
    }

    /** The job's status, the call bounded by the waiting message's deadline. */
    public CompletableFuture<InferenceJob> inferenceStatus(long jobId, Deadline deadline) {
        return http.send(ApiRequest.get("/v1/infer/batch/" + jobId).deadline(deadline).statusCheck().build(),
                InferenceJob.class);
    }

    /** Starts a project export; exports cost nothing, so one whose answer was lost is simply asked for again. */
    public CompletableFuture<ExportStarted> exportProject(ExportRequest body) {
        return http.send(ApiRequest.post("/v1/export/project").body(RequestBody.json(body))
                .safety(RetrySafety.IDEMPOTENT).build(), ExportStarted.class);
    }

    /** An export's status at the URL the service gave (absolute on the base URL's origin, or relative to it). */
    public CompletableFuture<ExportStatus> exportStatus(String exportStatusUrl, Deadline deadline) {
        return http.send(ApiRequest.get(exportStatusUrl).deadline(deadline).statusCheck().build(), ExportStatus.class);
    }

    /** Streams the export zip from its signed URL to {@code target}, without the API key. */
    public CompletableFuture<Path> download(String downloadUrl, Path target) {
        return http.send(ApiRequest.get(downloadUrl).withoutAuth().downloadTo(target).build())
                .thenApply(response -> response.file());
    }

    /** Whether a URL the service named is on the configured base URL's origin, so the key may go there. */
    public boolean isServiceUrl(String url) {
        return http.isServiceUrl(url);
    }

    /** The configured base URL, for messages. */
    public String baseUrl() {
        return http.baseUrl();
    }
}
