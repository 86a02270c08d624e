package io.camelinference.deepomatic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelinference.common.test.ReadmeRoutes;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Reading results in YAML" route, as documented, against the emulator: the label and its score read
 * with the simple language only, from the top-label headers and from the result converted to a Map.
 */
class DeepomaticYamlResultsTest extends DeepomaticTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(100));

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected void doPostSetup() throws Exception {
        ReadmeRoutes.load(context, "Reading results in YAML");
    }

    @Test
    void theRouteReadsTheLabelAndItsScoreFromHeadersAndFromTheResultAsAMap() throws Exception {
        Exchange out = template.request("direct:colour", e -> e.getMessage()
                .setBody(sampleFile(dir, "red-apple.png").toFile()));

        assertThat(out.getException()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = out.getMessage().getBody(Map.class);
        assertThat(body).containsKeys("task_id", "spec_id", "outputs");
        Map<?, ?> best = (Map<?, ?>) at(at(at(body, "outputs", 0), "labels"), "predicted", 0);
        double score = ((Number) best.get("score")).doubleValue();
        assertThat(best.get("label_name")).isEqualTo("red");
        assertThat(out.getMessage().getHeader("colour")).isEqualTo(score > 0.5 ? "red" : "unsure");
        assertThat(out.getMessage().getHeader("taskId")).isNotNull().isEqualTo(body.get("task_id"))
                .isEqualTo(out.getMessage().getHeader(DeepomaticConstants.TASK_ID));
        assertThat(out.getMessage().getHeader(DeepomaticConstants.TOP_SCORE, Double.class)).isEqualTo(score);
    }

    @Test
    void anImageWithNothingPredictedLeavesNoTopLabelOfAnEarlierCallOnTheMessage() throws Exception {
        Exchange out = template.request("deepomatic:inference?specId=" + DETECTOR, e -> {
            e.getMessage().setBody(sampleFile(dir, "gray-static.png").toFile());
            e.getMessage().setHeader(DeepomaticConstants.TOP_LABEL, "red");
            e.getMessage().setHeader(DeepomaticConstants.TOP_SCORE, 0.9);
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DeepomaticConstants.TASK_STATUS)).isEqualTo("success");
        assertThat(out.getMessage().getHeaders()).doesNotContainKeys(DeepomaticConstants.TOP_LABEL,
                DeepomaticConstants.TOP_SCORE);
    }

    private static Object at(Object map, String key) {
        return ((Map<?, ?>) map).get(key);
    }

    private static Object at(Object map, String key, int index) {
        return ((List<?>) at(map, key)).get(index);
    }
}
