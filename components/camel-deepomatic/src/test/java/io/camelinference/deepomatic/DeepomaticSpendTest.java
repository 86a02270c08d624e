package io.camelinference.deepomatic;

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

/** Deepomatic bills inferences, one per image: the budget counts them before the call, so it is never passed. */
class DeepomaticSpendTest extends DeepomaticTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(100));

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
        super.configure(configuration);
        configuration.setSpendLimit(3.0);
    }

    private Exchange infer(Object body) {
        return template.request("deepomatic:inference?specId=" + CLASSIFIER, e -> e.getMessage().setBody(body));
    }

    @Test
    void imagesThatWouldPassTheBudgetAreNotSent() {
        assertThat(infer(sample("red-apple.png")).getException()).isNull();
        assertThat(infer(List.of(sample("red-apple.png"), sample("blue-sky.png"))).getException()).isNull();

        Exchange refused = infer(sample("blue-sky.png"));

        assertThat(refused.getException()).isInstanceOf(SpendLimitExceededException.class)
                .hasMessageContaining("Budget deepomatic allows 3 inferences per 24h")
                .hasMessageContaining("3 inferences were spent; this call would add 1 inferences");
        assertThat(billed()).isEqualTo(3);
        assertThat(calls(PUBLIC_INFERENCE)).isEqualTo(3);
        assertThat(registry.get("camel.inference.billed").tags("component", "deepomatic", "operation", "inference",
                "unit", "inferences").counter().count()).isEqualTo(3);
        assertThat(registry.get("camel.inference.failures").tags("kind", "spend_limit").counter().count()).isEqualTo(1);
        assertThat(registry.get("camel.inference.spend").tags("budget", "deepomatic").gauge().value()).isEqualTo(3);
        // calls that bill nothing still go
        assertThat(template.request("deepomatic:specs", e -> { }).getException()).isNull();
    }
}
