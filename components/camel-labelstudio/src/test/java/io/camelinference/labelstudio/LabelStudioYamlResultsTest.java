package io.camelinference.labelstudio;

import java.util.List;
import java.util.Map;

import io.camelinference.common.test.ReadmeRoutes;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Reading results in YAML" route, as documented, against the emulator: a stored prediction's top label
 * and score read from headers, and its model version from the prediction converted to a Map, with the simple language
 * only.
 */
class LabelStudioYamlResultsTest extends LabelStudioTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    long task;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected void doPostSetup() throws Exception {
        ReadmeRoutes.load(context, "Reading results in YAML");
    }

    @BeforeEach
    void aTask() {
        long project = createProject(TEXT_CONFIG);
        List<?> ids = template.request("labelstudio:import-tasks?projectId=" + project, e -> e.getMessage()
                .setBody(List.of(Map.of("text", "Acme Corp is great")))).getMessage()
                .getHeader(LabelStudioConstants.TASK_IDS, List.class);
        task = ((Number) ids.get(0)).longValue();
    }

    private long predict(List<Map<String, Object>> regions, Double score) {
        Map<String, Object> prediction = new java.util.HashMap<>(Map.of("task", task, "result", regions,
                "model_version", "sentiment-v3"));
        if (score != null) {
            prediction.put("score", score);
        }
        Exchange created = template.request("labelstudio:create-prediction", e -> e.getMessage().setBody(prediction));
        assertThat(created.getException()).isNull();
        return created.getMessage().getHeader(LabelStudioConstants.PREDICTION_ID, Long.class);
    }

    private static Map<String, Object> span(double score) {
        return Map.of("from_name", "entities", "to_name", "text", "type", "labels", "score", score, "value",
                Map.of("start", 0, "end", 9, "text", "Acme Corp", "labels", List.of("Organization")));
    }

    private static Map<String, Object> choice() {
        return Map.of("from_name", "sentiment", "to_name", "text", "type", "choices",
                "value", Map.of("choices", List.of("Positive")));
    }

    @Test
    void theBestScoredRegionsLabelAndScoreComeAsHeadersAndTheModelVersionFromTheMap() {
        // the choice has no score of its own: it ranks with the prediction's 0.8, above the span's 0.6
        long id = predict(List.of(span(0.6), choice()), 0.8);

        Exchange out = template.request("direct:check-prediction", e -> e.getMessage().setBody(id));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("summary")).isEqualTo("Positive (0.8)");
        assertThat(out.getMessage().getHeader("modelVersion")).isEqualTo("sentiment-v3");
        assertThat(((Number) out.getMessage().getBody(Map.class).get("task")).longValue()).isEqualTo(task);
    }

    @Test
    void aRegionsOwnScoreWinsOverThePredictions() {
        long id = predict(List.of(choice(), span(0.95)), 0.8);

        Exchange out = template.request("direct:check-prediction", e -> e.getMessage().setBody(id));

        assertThat(out.getMessage().getHeader("summary")).isEqualTo("Organization (0.95)");
    }

    @Test
    void aPredictionWithoutRegionsLeavesNoTopLabelOfAnEarlierCall() {
        long id = predict(List.of(), null);

        Exchange out = template.request("labelstudio:get-prediction", e -> {
            e.getMessage().setBody(id);
            e.getMessage().setHeader(LabelStudioConstants.TOP_LABEL, "Positive");
            e.getMessage().setHeader(LabelStudioConstants.TOP_SCORE, 0.9);
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeaders()).doesNotContainKeys(LabelStudioConstants.TOP_LABEL,
                LabelStudioConstants.TOP_SCORE);
    }
}
