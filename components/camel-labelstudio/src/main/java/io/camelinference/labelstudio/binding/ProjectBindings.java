package io.camelinference.labelstudio.binding;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.component.SafeFileNames;
import io.camelinference.common.json.Json;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.labelstudio.LabelStudioConfiguration;
import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.model.ImportResult;
import io.camelinference.labelstudio.model.Project;
import io.camelinference.labelstudio.model.ProjectRequest;
import io.camelinference.labelstudio.model.Task;
import io.camelinference.labelstudio.operation.ExportCall;
import io.camelinference.labelstudio.operation.ImportCall;
import io.camelinference.labelstudio.operation.TaskQuery;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reads and writes the project operations' messages. */
public final class ProjectBindings {

    static final String IMPORT_ACCEPTED = "a List of tasks, one task as a Map, a JSON String of them, or a JSON, CSV,"
            + " TSV or TXT file (File, Path, a file from the file consumer, or an InputStream or byte array with the"
            + " CamelFileName header naming it)";

    private static final Pattern EXPORT_TYPE = Pattern.compile("[A-Z0-9_]+");

    private final LabelStudioConfiguration c;
    private final Path temporaryDirectory;

    public ProjectBindings(LabelStudioConfiguration configuration, Path temporaryDirectory) {
        this.c = configuration;
        this.temporaryDirectory = temporaryDirectory;
    }

    private long project(Message in, String what) {
        return Ids.scope(in, LabelStudioConstants.PROJECT_ID, c.getProjectId(), what, "projectId");
    }

    public Binding<Void, List<Project>> list() {
        return Binding.of(ex -> null, (ex, projects) -> ex.getMessage().setBody(projects));
    }

    public Binding<Long, Project> get() {
        return Binding.of(ex -> Ids.target(ex.getMessage(), LabelStudioConstants.PROJECT_ID, c.getProjectId(),
                "labelstudio:get-project", "projectId"), ProjectBindings::write);
    }

    /** A ProjectRequest, a Map or JSON object, or a label config (XML) String. */
    public Binding<ProjectRequest, Project> create() {
        return Binding.of(ex -> {
            Object body = ex.getMessage().getBody();
            String what = "labelstudio:create-project";
            if (body instanceof ProjectRequest r) {
                return r;
            }
            if (body instanceof CharSequence text && text.toString().strip().startsWith("<")) {
                return new ProjectRequest(null, null, text.toString().strip());
            }
            return Bodies.as(Bodies.fields(body, what, "a ProjectRequest, a Map or JSON object with title, description"
                    + " and label_config, or a label config (XML) String"), ProjectRequest.class, what);
        }, ProjectBindings::write);
    }

    public Binding<ImportCall, ImportResult> importTasks() {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            String what = "labelstudio:import-tasks";
            long project = project(in, what);
            Object body = in.getBody();
            if (UploadSource.isUploadable(body)) {
                String name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
                UploadSource file = UploadSource.from(body, name != null ? name
                        : in.getHeader(Exchange.FILE_NAME, String.class));
                if (file.name() == null || !file.name().contains(".")) {
                    throw new IllegalArgumentException(what + " got a stream without a file name: set the header"
                            + " CamelFileName (e.g. tasks.csv), so that Label Studio knows its format");
                }
                return new ImportCall(project, null, file);
            }
            return new ImportCall(project, tasks(body, what), null);
        }, (ex, result) -> {
            Message out = ex.getMessage();
            out.setHeader(LabelStudioConstants.TASK_IDS, result.taskIds());
            out.setHeader(LabelStudioConstants.TASK_COUNT, result.taskCount());
            out.setHeader(LabelStudioConstants.ANNOTATION_COUNT, result.annotationCount());
            out.setHeader(LabelStudioConstants.PREDICTION_COUNT, result.predictionCount());
            out.setBody(result);
        });
    }

    private static Object tasks(Object body, String what) {
        if (body instanceof Collection<?> || body instanceof Map<?, ?>) {
            if (body instanceof Collection<?> list && list.isEmpty()) {
                throw new IllegalArgumentException(what + " got an empty list: nothing to import");
            }
            return body;
        }
        if (body instanceof CharSequence text) {
            try {
                Object parsed = Json.mapper().readValue(text.toString(), Object.class);
                if (parsed instanceof Collection<?> || parsed instanceof Map<?, ?>) {
                    return parsed;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " expects " + IMPORT_ACCEPTED + "; the String body is not"
                        + " JSON (" + e.getOriginalMessage() + ")");
            }
        }
        if (body == null || body instanceof CharSequence || body instanceof Number || body instanceof Boolean) {
            throw new IllegalArgumentException(what + " expects " + IMPORT_ACCEPTED + "; the body is "
                    + MessageValues.describe(body));
        }
        return Bodies.fields(body, what, IMPORT_ACCEPTED);
    }

    public Binding<TaskQuery, List<Task>> listTasks() {
        return Binding.of(ex -> new TaskQuery(project(ex.getMessage(), "labelstudio:list-tasks"), c.getPageSize()),
                (ex, tasks) -> {
                    ex.getMessage().setHeader(LabelStudioConstants.TASK_COUNT, tasks.size());
                    ex.getMessage().setBody(tasks);
                });
    }

    public Binding<ExportCall, File> export() {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            long project = project(in, "labelstudio:export");
            String type = exportType(MessageValues.option(in, LabelStudioConstants.EXPORT_TYPE, c.getExportType(),
                    String.class));
            String directory = c.getOutputDirectory();
            Path dir = directory == null || directory.isBlank() ? temporaryDirectory : Paths.get(directory);
            String name = "project-" + project + "-at-" + LocalDateTime.now().format(DateTimeFormatter
                    .ofPattern("yyyy-MM-dd-HH-mm-ss-SSS")) + "-" + type.toLowerCase(Locale.ROOT) + extension(type);
            return new ExportCall(project, type, c.isDownloadAllTasks(), SafeFileNames.resolveInside(dir, name));
        }, (ex, file) -> {
            Message out = ex.getMessage();
            out.setHeader(LabelStudioConstants.EXPORT_TYPE, MessageValues.option(out, LabelStudioConstants.EXPORT_TYPE,
                    c.getExportType(), String.class));
            out.setHeader(Exchange.FILE_NAME, file.getName());
            out.setBody(file);
        });
    }

    /**
     * Label Studio's export formats are tokens (JSON_MIN, CONLL2003, COCO_WITH_IMAGES, ...): anything else would only
     * be refused by Label Studio, and the value becomes part of the file name and of the query string.
     */
    static String exportType(String value) {
        String type = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!EXPORT_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("labelstudio:export got the export type \"" + value + "\" (option"
                    + " exportType or header " + LabelStudioConstants.EXPORT_TYPE + "): expected one of Label Studio's"
                    + " export formats, letters, digits and underscores such as JSON, JSON_MIN, CSV, TSV, CONLL2003,"
                    + " COCO or YOLO; nothing was sent");
        }
        return type;
    }

    static String extension(String exportType) {
        return switch (exportType) {
            case "JSON", "JSON_MIN" -> ".json";
            case "CSV" -> ".csv";
            case "TSV" -> ".tsv";
            case "CONLL2003" -> ".conll";
            default -> ".zip";
        };
    }

    private static void write(Exchange ex, Project project) {
        ex.getMessage().setHeader(LabelStudioConstants.PROJECT_ID, project.id());
        ex.getMessage().setBody(project);
    }
}
