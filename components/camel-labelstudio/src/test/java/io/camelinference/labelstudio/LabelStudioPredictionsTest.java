package io.camelinference.labelstudio;

import java.util.List;
import java.util.Map;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.labelstudio.model.Prediction;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Predictions: create, list, get, update, delete; regions that do not fit the label config are refused clearly. */
class LabelStudioPredictionsTest extends LabelStudioTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    long project;
    long task;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @BeforeEach
    void tasks() {
        project = createProject(TEXT_CONFIG);
        List<?> ids = template.request("labelstudio:import-tasks?projectId=" + project, e -> e.getMessage()
                .setBody(List.of(Map.of("text", "Acme Corp is great"), Map.of("text", "meh"))))
                .getMessage().getHeader(LabelStudioConstants.TASK_IDS, List.class);
        task = ((Number) ids.get(0)).longValue();
    }

    static Map<String, Object> span(String fromName) {
        return Map.of("from_name", fromName, "to_name", "text", "type", "labels", "value",
                Map.of("start", 0, "end", 9, "text", "Acme Corp", "labels", List.of("Organization")));
    }

    @Test
    void predictionsAreCreatedListedReadChangedAndDeleted() {
        Exchange created = template.request("labelstudio:create-prediction", e -> e.getMessage().setBody(Map.of(
                "task", task, "result", List.of(span("entities")), "score", 0.9, "model_version", "v1")));
        assertThat(created.getException()).isNull();
        long id = created.getMessage().getHeader(LabelStudioConstants.PREDICTION_ID, Long.class);
        assertThat(created.getMessage().getHeader(LabelStudioConstants.MODEL_VERSION)).isEqualTo("v1");

        Exchange regions = template.request("labelstudio:create-prediction", e -> {
            e.getMessage().setBody(List.of(Map.of("from_name", "sentiment", "to_name", "text", "type", "choices",
                    "value", Map.of("choices", List.of("Positive")))));
            e.getMessage().setHeader(LabelStudioConstants.TASK_ID, task);
            e.getMessage().setHeader(LabelStudioConstants.MODEL_VERSION, "v2");
            e.getMessage().setHeader(LabelStudioConstants.SCORE, 0.7);
        });
        assertThat(regions.getMessage().getBody(Prediction.class).score()).isEqualTo(0.7);

        List<Prediction> ofTask = template.requestBodyAndHeader("labelstudio:list-predictions", null,
                LabelStudioConstants.TASK_ID, task, List.class);
        assertThat(ofTask).hasSize(2);
        assertThat(template.requestBody("labelstudio:list-predictions?projectId=" + project, null, List.class))
                .hasSize(2);
        Prediction read = template.requestBody("labelstudio:get-prediction", id, Prediction.class);
        assertThat(read.result().get(0)).containsEntry("from_name", "entities");

        Prediction changed = template.requestBodyAndHeader("labelstudio:update-prediction", Map.of("score", 0.25),
                LabelStudioConstants.PREDICTION_ID, id, Prediction.class);
        assertThat(changed.score()).isEqualTo(0.25);

        template.requestBody("labelstudio:delete-prediction", id);
        Exchange gone = template.request("labelstudio:get-prediction", e -> e.getMessage().setBody(id));
        assertThat(gone.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("404")
                .hasMessageContaining("No Prediction matches the given query");
    }

    @Test
    void aRegionNamedUnlikeTheLabelConfigIsRefusedSayingWhatTheConfigHas() {
        Exchange out = template.request("labelstudio:create-prediction", e -> e.getMessage().setBody(Map.of(
                "task", task, "result", List.of(span("label")))));
        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("from_name 'label' is not a control tag of the label config")
                .hasMessageContaining("entities (Labels to text)");
        assertThat(template.requestBody("labelstudio:list-predictions?projectId=" + project, null, List.class)).isEmpty();
    }

    @Test
    void badInputFailsBeforeAnythingIsSent() {
        Exchange noTask = template.request("labelstudio:create-prediction", e -> e.getMessage().setBody(
                List.of(span("entities"))));
        assertThat(noTask.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LabelStudioConstants.TASK_ID);
        Exchange noId = template.request("labelstudio:update-prediction", e -> e.getMessage().setBody(Map.of()));
        assertThat(noId.getException()).hasMessageContaining(LabelStudioConstants.PREDICTION_ID);
        Exchange notANumber = template.request("labelstudio:get-prediction", e -> e.getMessage().setBody("abc"));
        assertThat(notANumber.getException()).hasMessageContaining("must be an integer id");
        assertThat(calls("POST /api/predictions")).isZero();
    }
}
