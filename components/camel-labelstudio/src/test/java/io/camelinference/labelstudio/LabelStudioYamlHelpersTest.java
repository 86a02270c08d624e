package io.camelinference.labelstudio;

import java.util.List;
import java.util.Map;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.labelstudio.model.Prediction;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The value helpers in one YAML step each, as documented: by the task's config, or with explicit names. */
class LabelStudioYamlHelpersTest extends MlBackendTestSupport {

    static final String ROUTES = """
            - route:
                from:
                  uri: "labelstudio:ml-backend"
                  parameters:
                    contextPath: /boxes
                  steps:
                    # what deepomatic:inference answers for a detector, as JSON
                    - setBody:
                        constant: '{"outputs":[{"labels":{"predicted":[{"label_name":"blue","score":0.8,"roi":{"bbox":{"xmin":0.5,"ymin":0.5,"xmax":1.0,"ymax":0.75}}}]}}]}'
                    - unmarshal:
                        json: {}
                    - bean:
                        beanType: io.camelinference.labelstudio.regions.LabelStudioRegions
                        method: rectangleLabels
            - route:
                from:
                  uri: "labelstudio:ml-backend"
                  parameters:
                    contextPath: /spans
                  steps:
                    - setBody:
                        simple: '[{"type":"Organization","value":"Acme Corp","start":0,"end":9}]'
                    - unmarshal:
                        json: {}
                    - bean:
                        beanType: io.camelinference.labelstudio.regions.LabelStudioRegions
                        method: "spanLabelsFor(${body}, 'entities', 'text')"
            """;

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected void doPostSetup() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("helpers.camel.yaml", ROUTES));
    }

    private List<Prediction> predict(String config, Map<String, Object> task, String path) {
        long project = createProject(config);
        template.requestBodyAndHeader("labelstudio:import-tasks", List.of(task), LabelStudioConstants.PROJECT_ID, project);
        template.requestBodyAndHeader("labelstudio:create-backend", backendUrl(path), LabelStudioConstants.PROJECT_ID,
                project);
        template.requestBodyAndHeader("labelstudio:retrieve-predictions", null, LabelStudioConstants.PROJECT_ID, project);
        return template.requestBody("labelstudio:list-predictions?projectId=" + project, null, List.class);
    }

    @Test
    void aDeepomaticAnswerBecomesTheTasksBoxesInOneStep() {
        List<Prediction> stored = predict(IMAGE_CONFIG, Map.of("image", "http://example.com/sky.png"), "/boxes");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).score()).isEqualTo(0.8);
        Map<?, ?> value = (Map<?, ?>) stored.get(0).result().get(0).get("value");
        assertThat(List.of("x", "y", "width", "height").stream().map(k -> ((Number) value.get(k)).doubleValue()))
                .containsExactly(50.0, 50.0, 50.0, 25.0);
        assertThat(value.get("rectanglelabels")).isEqualTo(List.of("Blue"));
    }

    @Test
    void anAnnoLabAnswerBecomesSpansOfTheNamedControl() {
        List<Prediction> stored = predict(TEXT_CONFIG, Map.of("text", "Acme Corp wrote"), "/spans");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).result().get(0)).containsEntry("from_name", "entities").containsEntry("type", "labels");
    }
}
