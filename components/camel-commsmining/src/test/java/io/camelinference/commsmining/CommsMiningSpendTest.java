package io.camelinference.commsmining;

import java.util.List;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.error.SpendLimitExceededException;
import io.camelinference.emulator.EmulatorExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Communications Mining bills AI units, one per predicted document; its answers do not report them, so they are
 * counted from the documents sent, before the call.
 */
class CommsMiningSpendTest extends CommsMiningTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        return context;
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        configuration.setSpendLimit(3.0);
    }

    private Exchange predict(Object body) {
        return template.request("commsmining:predict?" + DEMO, e -> e.getMessage().setBody(body));
    }

    @Test
    void documentsThatWouldPassTheBudgetAreNotSent() {
        List<String> two = List.of("Please refund my money for the returned item.",
                "Where is my parcel? It has not arrived.");
        assertThat(predict(two).getException()).isNull();

        Exchange refused = predict(two);

        assertThat(refused.getException()).isInstanceOf(SpendLimitExceededException.class)
                .hasMessageContaining("Budget commsmining allows 3 AI units per 24h")
                .hasMessageContaining("2 AI units were spent; this call would add 2 AI units");
        assertThat(calls(PREDICT)).isEqualTo(1);
        // one more document still fits
        assertThat(predict("My invoice is wrong, please correct it.").getException()).isNull();
        assertThat(billed()).isEqualTo(3);
        assertThat(registry.get("camel.inference.billed").tags("component", "commsmining", "operation", "predict",
                "unit", "ai_units").counter().count()).isEqualTo(3);
        assertThat(registry.get("camel.inference.spend").tags("budget", "commsmining").gauge().value()).isEqualTo(3);
    }
}
