package io.camelinference.unitypredict;

import java.util.Map;

import io.camelinference.common.test.ReadmeRoutes;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Reading results in YAML" route, as documented, against the emulator: the label and its probability
 * read with the simple language only, from the top-label headers and from the result converted to a Map.
 */
class UnityPredictYamlResultsTest extends UnityPredictTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected void doPostSetup() throws Exception {
        ReadmeRoutes.load(context, "Reading results in YAML");
    }

    @Test
    void theRouteReadsTheLabelAndItsProbabilityFromHeadersAndFromTheResultAsAMap() {
        Exchange high = template.request("direct:heart-risk", e -> e.getMessage().setBody(Map.of("Age", 75, "Chol", 300)));
        Exchange low = template.request("direct:heart-risk", e -> e.getMessage().setBody(Map.of("Age", 25, "Chol", 150)));

        for (Exchange out : new Exchange[] {high, low}) {
            assertThat(out.getException()).isNull();
            Map<?, ?> body = out.getMessage().getBody(Map.class);
            Map<?, ?> label = (Map<?, ?>) ((java.util.List<?>) ((Map<?, ?>) body.get("outcomes")).get("Label")).get(0);
            double p = ((Number) label.get("probability")).doubleValue();
            assertThat(out.getMessage().getHeader("summary"))
                    .isEqualTo("at risk: " + label.get("value") + " (p=" + p + ")");
            assertThat(label.get("value")).isEqualTo(p >= 0.5);
            assertThat(out.getMessage().getHeader("review")).isEqualTo(p > 0.8 ? "true" : null);
            assertThat(out.getMessage().getHeader("requestId")).isNotNull()
                    .isEqualTo(out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID));
        }
        assertThat(high.getMessage().getHeader(UnityPredictConstants.TOP_LABEL)).isEqualTo("true");
        assertThat(high.getMessage().getHeader("review")).isEqualTo("true");
        assertThat(low.getMessage().getHeader(UnityPredictConstants.TOP_LABEL)).isEqualTo("false");
    }

    @Test
    void theLabelIsTheFirstOutcomeThatIsNotAFileAndAProcessingAnswerHasNone() {
        Exchange summary = template.request("unitypredict:predict?modelId=text-summary&fileInputName=InputFile",
                e -> e.getMessage().setBody("A wonderful, delightful day; everything went great.".getBytes()));
        assertThat(summary.getException()).isNull();
        assertThat(summary.getMessage().getHeader(UnityPredictConstants.TOP_LABEL)).isIn("positive", "negative",
                "neutral");
        assertThat(summary.getMessage().getHeader(UnityPredictConstants.TOP_SCORE, Double.class)).isBetween(0.0, 1.0);

        Exchange processing = template.request("unitypredict:predict?modelId=sentiment-slow&waitForCompletion=false",
                e -> {
                    e.getMessage().setBody(Map.of("Text", "fine"));
                    e.getMessage().setHeader(UnityPredictConstants.TOP_LABEL, "left over");
                    e.getMessage().setHeader(UnityPredictConstants.TOP_SCORE, 0.9);
                });
        assertThat(processing.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Processing");
        assertThat(processing.getMessage().getHeaders()).doesNotContainKeys(UnityPredictConstants.TOP_LABEL,
                UnityPredictConstants.TOP_SCORE);
    }
}
