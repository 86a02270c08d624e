package io.camelinference.labelstudio.operation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.body.UploadSource;
import io.camelinference.common.operation.Operation;
import io.camelinference.labelstudio.client.LabelStudioClient;
import io.camelinference.labelstudio.model.ImportResult;
import io.camelinference.labelstudio.model.Project;
import io.camelinference.labelstudio.model.ProjectRequest;
import io.camelinference.labelstudio.model.Task;
import org.apache.hc.core5.http.ContentType;

/** The project operations: list, get, create, import tasks, list tasks, export. */
public final class ProjectOperations {

    private final LabelStudioClient client;
    private final Path spoolDirectory;

    public ProjectOperations(LabelStudioClient client, Path spoolDirectory) {
        this.client = client;
        this.spoolDirectory = spoolDirectory;
    }

    public Operation<Void, List<Project>> list() {
        return nothing -> client.listProjects();
    }

    public Operation<Long, Project> get() {
        return client::getProject;
    }

    public Operation<ProjectRequest, Project> create() {
        return client::createProject;
    }

    /** JSON tasks as they are; a file streamed, with a known length (WSGI servers refuse chunked uploads). */
    public Operation<ImportCall, ImportResult> importTasks() {
        return call -> {
            if (call.file() == null) {
                return client.importTasks(call.projectId(), call.tasks());
            }
            UploadSource file = call.file().withKnownLength(spoolDirectory);
            return client.importFile(call.projectId(), file, contentType(file.name()))
                    .whenComplete((r, e) -> file.release());
        };
    }

    public Operation<TaskQuery, List<Task>> listTasks() {
        return query -> client.listTasks(query.projectId(), query.pageSize());
    }

    public Operation<ExportCall, File> export() {
        return call -> {
            try {
                Files.createDirectories(call.target().toAbsolutePath().getParent());
            } catch (IOException e) {
                return CompletableFuture.failedFuture(new UncheckedIOException("Cannot create the directory of "
                        + call.target(), e));
            }
            return client.export(call.projectId(), call.exportType(), call.allTasks(), call.target()).thenApply(Path::toFile);
        };
    }

    static ContentType contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return ContentType.APPLICATION_JSON;
        }
        if (lower.endsWith(".csv")) {
            return ContentType.create("text/csv", java.nio.charset.StandardCharsets.UTF_8);
        }
        if (lower.endsWith(".tsv")) {
            return ContentType.create("text/tab-separated-values", java.nio.charset.StandardCharsets.UTF_8);
        }
        return lower.endsWith(".txt") ? ContentType.TEXT_PLAIN : ContentType.APPLICATION_OCTET_STREAM;
    }
}
