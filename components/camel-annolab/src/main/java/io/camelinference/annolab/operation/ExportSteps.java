package io.camelinference.annolab.operation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabExport;
import io.camelinference.annolab.model.ExportRequest;
import io.camelinference.annolab.model.ExportStarted;
import io.camelinference.annolab.model.ExportStatus;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.common.time.Deadline;

import static io.camelinference.annolab.operation.SourceSteps.PROVIDER;

/**
 * A project export: start it (filtered to sources and layers), wait for it without a thread, download its zip from the
 * signed URL (no key on it) and read the annotations out of it. Its status URL is followed only on the configured base
 * URL's origin: the key is never sent anywhere else.
 */
public final class ExportSteps {

    private final AnnoLabClient client;
    private final JobPoller poller;
    private final Path tempDirectory;

    public ExportSteps(AnnoLabClient client, JobPoller poller, Path tempDirectory) {
        this.client = client;
        this.poller = poller;
        this.tempDirectory = tempDirectory;
    }

    /** Starts an export of the sources (all when null) in the layers (all when null), as the infer chain reads it. */
    public CompletableFuture<ExportHandle> start(Target t, List<Long> sourceIds, List<String> layers) {
        return start(ExportRequest.of(t.project(), t.group(), sourceIds, layers));
    }

    public CompletableFuture<ExportHandle> start(ExportRequest request) {
        return client.exportProject(request).thenApply(this::handle);
    }

    /** Waits for the export to finish; fails with its errored state or a timeout at the deadline. */
    public CompletableFuture<ExportStatus> await(ExportHandle export, String context, PollSchedule schedule,
                                                 Deadline deadline, Progress progress) {
        requireServiceUrl(export.statusUrl());
        progress.export(export.id());
        return poller.await(export.describe(), schedule, deadline, d -> client.exportStatus(export.statusUrl(), d)
                        .thenApply(status -> toJobStatus(status, context)))
                .whenComplete((status, error) -> progress.exportStatus(status != null ? status.status()
                        : lastState(error)));
    }

    /** The download URL of an export known to be finished (asked again after a restart: it is not stored). */
    public CompletableFuture<String> downloadUrl(ExportHandle export, String context, Deadline deadline) {
        requireServiceUrl(export.statusUrl());
        return client.exportStatus(export.statusUrl(), deadline).thenApply(status -> {
            if (toJobStatus(status, context) instanceof JobStatus.Done<ExportStatus> done) {
                return done.result().downloadUrl();
            }
            throw new InferenceException(PROVIDER, export.describe() + " is " + status.status()
                    + " though it had finished; " + context + " is exported again by the next attempt");
        });
    }

    /**
     * Streams the zip to {@code target}, or to a temporary file when it is null. The temporary file exists from the
     * start (a unique name), so a failed download deletes it: nobody else knows its name to do so.
     */
    public CompletableFuture<Path> download(String downloadUrl, Path target) {
        if (target != null) {
            try {
                Files.createDirectories(target.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the directory the AnnoLab export is downloaded to", e);
            }
            return client.download(downloadUrl, target);
        }
        Path file;
        try {
            Files.createDirectories(tempDirectory);
            file = Files.createTempFile(tempDirectory, "export-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file the AnnoLab export is downloaded to", e);
        }
        CompletableFuture<Path> download;
        try {
            download = client.download(downloadUrl, file);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        return download.whenComplete((zip, error) -> {
            if (error != null) {
                delete(file);
            }
        });
    }

    /** The annotations of a downloaded zip, which is deleted afterwards. */
    public static List<AnnoLabAnnotation> readAndDelete(Path zip, String context) {
        return readAllAndDelete(zip, context).annotations();
    }

    /** Everything a downloaded zip's records hold; the zip is deleted afterwards. */
    public static AnnoLabExport readAllAndDelete(Path zip, String context) {
        try {
            return ExportArchive.read(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AnnoLab " + context + ": " + e.getMessage(), e);
        } finally {
            delete(zip);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is not worth failing the exchange for
        }
    }

    static JobStatus<ExportStatus> toJobStatus(ExportStatus status, String context) {
        String state = status.status() == null ? "unknown" : status.status();
        if (ExportStatus.ERRORED.equalsIgnoreCase(state)) {
            String reason = status.error() == null || status.error().isBlank() ? "the service gave no reason"
                    : status.error();
            return JobStatus.failed(state, context + " failed: " + reason);
        }
        if (ExportStatus.FINISHED.equalsIgnoreCase(state)) {
            if (status.downloadUrl() == null || status.downloadUrl().isBlank()) {
                return JobStatus.failed(state, context + " finished without a downloadUrl");
            }
            return JobStatus.done(state, status);
        }
        return JobStatus.running(state);
    }

    static String lastState(Throwable error) {
        Throwable cause = Failures.cause(error);
        if (cause instanceof InferenceJobFailedException failed) {
            return failed.getStatus();
        }
        return cause instanceof InferenceJobTimeoutException timeout ? timeout.getLastStatus() : null;
    }

    private ExportHandle handle(ExportStarted answer) {
        String url = answer.exportStatusUrl();
        if (url == null || url.isBlank()) {
            throw new InferenceException(PROVIDER, "AnnoLab started an export but gave no exportStatusUrl");
        }
        requireServiceUrl(url);
        Long id = answer.exportJob() != null ? answer.exportJob().id() : null;
        if (id == null) {
            String path = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
            String last = path.substring(path.lastIndexOf('/') + 1);
            id = last.matches("\\d{1,18}") ? Long.parseLong(last) : null;
        }
        return new ExportHandle(id, url);
    }

    /** Refuses a status URL on another origin before anything is sent: it would get the key. */
    private void requireServiceUrl(String url) {
        if (!client.isServiceUrl(url)) {
            throw new InferenceException(PROVIDER, "AnnoLab named an exportStatusUrl on " + origin(url) + ", outside"
                    + " the configured baseUrl " + origin(client.baseUrl()) + ": the API key is sent only to baseUrl,"
                    + " so the export's status was not asked for there (nothing was sent to that host)");
        }
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "a malformed URL";
        }
    }
}
