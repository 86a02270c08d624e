package io.camelinference.labelstudio;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.json.Json;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.labelstudio.client.LabelStudioClient;
import io.camelinference.labelstudio.model.ImportResult;
import io.camelinference.labelstudio.model.Project;
import io.camelinference.labelstudio.model.Task;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Projects, task import (JSON and streamed files), task lists and export against the emulated Label Studio. */
class LabelStudioProjectsTest extends LabelStudioTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void projectsAreCreatedFromAMapOrALabelConfigAndReadBackPageAfterPage() {
        Exchange created = template.request("labelstudio:create-project", e -> e.getMessage().setBody(
                Map.of("title", "Sentiment", "label_config", TEXT_CONFIG)));
        Project project = created.getMessage().getBody(Project.class);
        assertThat(created.getMessage().getHeader(LabelStudioConstants.PROJECT_ID)).isEqualTo(project.id());
        assertThat(project.parsedLabelConfig()).containsKeys("sentiment", "entities");
        Project fromXml = template.requestBody("labelstudio:create-project", IMAGE_CONFIG, Project.class);
        assertThat(fromXml.labelConfig()).contains("RectangleLabels");

        assertThat(template.requestBodyAndHeader("labelstudio:get-project", null, LabelStudioConstants.PROJECT_ID,
                project.id(), Project.class).title()).isEqualTo("Sentiment");
        for (int i = 0; i < 101; i++) {
            template.requestBody("labelstudio:create-project", Map.of("title", "p" + i));
        }
        List<?> all = template.requestBody("labelstudio:list-projects", null, List.class);
        assertThat(all).hasSize(103);
        assertThat(calls("GET /api/projects")).as("two pages of 100").isEqualTo(2);
    }

    @Test
    void aLabelConfigLabelStudioRefusesFailsWithItsReason() {
        Exchange out = template.request("labelstudio:create-project", e -> e.getMessage().setBody(
                "<View><Choices name=\"c\" toName=\"nothing\"><Choice value=\"a\"/></Choices></View>"));
        assertThat(out.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("HTTP 400")
                .hasMessageContaining("Validation error").hasMessageContaining("every toName naming an object tag");
        assertThat(((InferenceApiException) out.getException()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void tasksAreImportedFromAListAMapOrAStreamedFileAndListedPageAfterPage() throws Exception {
        long project = createProject(TEXT_CONFIG);
        Exchange list = template.request("labelstudio:import-tasks?projectId=" + project, e -> e.getMessage().setBody(
                List.of(Map.of("text", "Acme Corp signed"), Map.of("data", Map.of("text", "a bad day"),
                        "annotations", List.of(Map.of("result", List.of(Map.of("from_name", "sentiment", "to_name",
                                "text", "type", "choices", "value", Map.of("choices", List.of("Negative"))))))))));
        assertThat(list.getException()).isNull();
        assertThat(list.getMessage().getHeader(LabelStudioConstants.TASK_COUNT)).isEqualTo(2);
        assertThat(list.getMessage().getHeader(LabelStudioConstants.ANNOTATION_COUNT)).isEqualTo(1);
        assertThat(list.getMessage().getHeader(LabelStudioConstants.TASK_IDS, List.class)).hasSize(2);

        template.requestBodyAndHeader("labelstudio:import-tasks", Map.of("text", "one more"),
                LabelStudioConstants.PROJECT_ID, project);

        File csv = dir.resolve("tasks.csv").toFile();
        Files.writeString(csv.toPath(), "text\n\"Globex, Inc. wrote\"\nanother line\n");
        ImportResult fromFile = template.requestBodyAndHeader("labelstudio:import-tasks", csv,
                LabelStudioConstants.PROJECT_ID, project, ImportResult.class);
        assertThat(fromFile.taskCount()).isEqualTo(2);

        Exchange stream = template.request("labelstudio:import-tasks?projectId=" + project, e -> {
            e.getMessage().setBody(new ByteArrayInputStream("line one\nline two\nline three\n"
                    .getBytes(StandardCharsets.UTF_8)));
            e.getMessage().setHeader(Exchange.FILE_NAME, "notes.txt");
        });
        assertThat(stream.getMessage().getBody(ImportResult.class).taskCount()).isEqualTo(3);

        Exchange tasks = template.request("labelstudio:list-tasks?pageSize=3&projectId=" + project, e -> { });
        List<Task> all = tasks.getMessage().getBody(List.class);
        assertThat(all).hasSize(8);
        assertThat(all.get(3).data()).containsEntry("text", "Globex, Inc. wrote");
        assertThat(all.get(1).annotations()).hasSize(1);
        assertThat(calls("GET /api/tasks")).as("8 tasks, 3 a page").isEqualTo(3);
    }

    @Test
    void importRefusalsNameTheProblemBeforeOrAfterSending() {
        long project = createProject(TEXT_CONFIG);
        Exchange noName = template.request("labelstudio:import-tasks?projectId=" + project, e -> e.getMessage()
                .setBody(new ByteArrayInputStream(new byte[] {1, 2})));
        assertThat(noName.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CamelFileName");
        Exchange number = template.request("labelstudio:import-tasks?projectId=" + project,
                e -> e.getMessage().setBody(42));
        assertThat(number.getException()).hasMessageContaining("a List of tasks");
        Exchange noProject = template.request("labelstudio:import-tasks", e -> e.getMessage().setBody(List.of()));
        assertThat(noProject.getException()).hasMessageContaining("projectId")
                .hasMessageContaining(LabelStudioConstants.PROJECT_ID);
        assertThat(calls("POST /api/projects/{id}/import")).isZero();

        Exchange missingField = template.request("labelstudio:import-tasks?projectId=" + project,
                e -> e.getMessage().setBody(List.of(Map.of("body", "no text field"))));
        assertThat(missingField.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("each field the label config reads");
    }

    @Test
    void anExportIsStreamedToAFileInTheOutputDirectory() throws Exception {
        long project = createProject(TEXT_CONFIG);
        template.requestBodyAndHeader("labelstudio:import-tasks", List.of(Map.of("text", "a"), Map.of("data",
                Map.of("text", "b"), "annotations", List.of(Map.of("result", List.of())))),
                LabelStudioConstants.PROJECT_ID, project);
        Exchange annotated = template.request("labelstudio:export?outputDirectory=" + dir + "&projectId=" + project,
                e -> { });
        File file = annotated.getMessage().getBody(File.class);
        assertThat(file.toPath().getParent()).isEqualTo(dir);
        assertThat(annotated.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith("-json.json");
        assertThat(Json.mapper().readTree(file)).hasSize(1);

        Exchange all = template.request("labelstudio:export?downloadAllTasks=true&exportType=JSON_MIN&projectId="
                + project, e -> { });
        assertThat(Json.mapper().readTree(all.getMessage().getBody(File.class))).hasSize(2);
        assertThat(all.getMessage().getHeader(LabelStudioConstants.EXPORT_TYPE)).isEqualTo("JSON_MIN");
    }
    @Test
    void anExportTypeThatIsNoFormatNameIsRefusedBeforeAnythingIsSentOrWritten() throws Exception {
        long project = createProject(TEXT_CONFIG);
        Path out = Files.createDirectory(dir.resolve("exports"));
        for (String type : new String[] {"x/../../../y", "JSON MIN", "JSON&download_all_tasks=true", " "}) {
            Exchange refused = template.request("labelstudio:export?outputDirectory=" + out + "&projectId=" + project,
                    e -> e.getMessage().setHeader(LabelStudioConstants.EXPORT_TYPE, type));
            assertThat(refused.getException()).as(type).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + type + "\"").hasMessageContaining(LabelStudioConstants.EXPORT_TYPE)
                    .hasMessageContaining("letters, digits and underscores").hasMessageContaining("JSON_MIN");
        }
        assertThat(calls("GET /api/projects/{id}/export")).isZero();
        try (var written = Files.walk(dir)) {
            assertThat(written.filter(Files::isRegularFile)).isEmpty();
        }

        Exchange lowerCase = template.request("labelstudio:export?exportType=json_min&outputDirectory=" + out
                + "&projectId=" + project, e -> { });
        assertThat(lowerCase.getException()).isNull();
        assertThat(lowerCase.getMessage().getBody(File.class).toPath().getParent()).isEqualTo(out);
    }

    @Test
    void theClientEncodesTheExportTypeInTheQuery() {
        long project = createProject(TEXT_CONFIG);
        LabelStudioClient client = new LabelStudioClient(context.getEndpoint("labelstudio:export",
                LabelStudioEndpoint.class).http());

        Throwable refused = catchThrowable(() -> client.export(project, "JSON MIN&download_all_tasks=true", false,
                dir.resolve("export.json")).join());

        // sent as one value, Label Studio names it whole; unencoded, the request could not even be made
        assertThat(refused).hasCauseInstanceOf(InferenceApiException.class)
                .hasMessageContaining("JSON MIN&download_all_tasks=true");
    }
}
