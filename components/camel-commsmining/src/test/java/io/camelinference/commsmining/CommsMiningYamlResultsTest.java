package io.camelinference.commsmining;

import java.util.List;
import java.util.Map;

import io.camelinference.common.test.ReadmeRoutes;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Reading results in YAML" route, as documented, against the emulator: the top label and its
 * probability route the message, and a label property is read from the prediction converted to a Map, with the simple
 * language only.
 */
class CommsMiningYamlResultsTest extends CommsMiningTestSupport {

    private static final String REFUND = "I returned the item two weeks ago and I am still waiting for my refund of"
            + " $49.90 for order #12345. Please refund the money to my card.\n\nKind regards,\nAlice Smith";

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
    void theTopLabelAndItsProbabilityRouteTheMessageAndTheMapViewReadsTheTone() {
        Exchange refund = template.request("direct:triage", e -> e.getMessage().setBody(REFUND));
        Exchange login = template.request("direct:triage", e -> e.getMessage()
                .setBody("I forgot my password and cannot log in."));

        assertThat(refund.getException()).isNull();
        assertThat(refund.getMessage().getHeader(CommsMiningConstants.TOP_LABEL)).isEqualTo("Billing");
        double p = refund.getMessage().getHeader(CommsMiningConstants.TOP_SCORE, Double.class);
        assertThat(refund.getMessage().getHeader("queue")).isEqualTo(p > 0.5 ? "billing" : "general");
        assertThat(login.getMessage().getHeader(CommsMiningConstants.TOP_LABEL)).isEqualTo("Account");
        assertThat(login.getMessage().getHeader("queue")).isEqualTo("general");

        Map<?, ?> body = refund.getMessage().getBody(Map.class);
        Map<?, ?> tone = (Map<?, ?>) ((List<?>) body.get("label_properties")).get(0);
        assertThat(tone.get("name")).isEqualTo("Tone");
        assertThat(refund.getMessage().getHeader("tone")).isEqualTo(tone.get("value"));
        assertThat(((List<?>) body.get("labels"))).hasSize(refund.getMessage()
                .getHeader(CommsMiningConstants.LABEL_COUNT, Integer.class));
    }
}
