package io.camelinference.unitypredict;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.error.SpendLimitExceededException;
import io.camelinference.common.test.MovableClock;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spend guard on UnityPredict's compute cost (USD, as computeCost reports it; the emulator charges 0.0001 per
 * started second, so 0.0001 for a heart-risk prediction): the call that would pass the budget is refused before it is
 * sent, what was spent survives a restart on the same jobStoreFile, and the next period starts from zero.
 */
class UnityPredictSpendTest extends UnityPredictTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    private final Path store = Paths.get("target", "spend-" + UUID.randomUUID() + ".jobs");
    private final MovableClock clock = MovableClock.at("2026-03-01T10:00:00Z");

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        configuration.setSpendLimit(0.0002);
        configuration.setJobStoreFile(store.toString());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ((InferenceComponentSupport) context.getComponent("unitypredict")).spendClock(clock);
        return context;
    }

    private static Exchange predict(ProducerTemplate template, String uri) {
        return template.request(uri, e -> e.getMessage().setBody(Map.of("Age", 61, "Chol", 120)));
    }

    @Test
    void theCallOverTheBudgetIsRefusedBeforeItIsSentTheSpendSurvivesARestartAndANewPeriodResetsIt() throws Exception {
        String uri = "unitypredict:predict?modelId=heart-risk";
        assertThat(predict(template, uri).getException()).isNull();
        // 0.0001 spent, and the model's recent average says the next costs 0.0001: exactly the budget
        assertThat(predict(template, uri).getException()).isNull();

        Exchange refused = predict(template, uri);
        assertThat(refused.getException()).isInstanceOf(SpendLimitExceededException.class)
                .hasMessageContaining("spend limit reached, the billed call was not sent")
                .hasMessageContaining("Budget unitypredict allows 0.0002 USD per 24h; in this period"
                        + " (2026-03-01T00:00:00Z to 2026-03-02T00:00:00Z) 0.0002 USD were spent")
                .hasMessageContaining("this call would add about 0.0001 USD (the recent average cost of model"
                        + " heart-risk)");
        assertThat(calls(PREDICT)).isEqualTo(2);
        assertThat(billed()).isEqualTo(2);

        // a restart: a new CamelContext on the same jobStoreFile, which knows no recent average yet
        context.stop();
        try (DefaultCamelContext again = new DefaultCamelContext()) {
            UnityPredictComponent component = new UnityPredictComponent();
            component.getConfiguration().setBaseUrl(emulator.baseUrl() + "/api");
            configure(component.getConfiguration());
            component.spendClock(clock);
            again.addComponent("unitypredict", component);
            again.start();
            ProducerTemplate after = again.createProducerTemplate();

            Exchange stillRefused = predict(after, uri);
            assertThat(stillRefused.getException()).isInstanceOf(SpendLimitExceededException.class)
                    .hasMessageContaining("0.0002 USD were spent")
                    .hasMessageContaining("known only from its answer, and the budget is used up");
            assertThat(calls(PREDICT)).isEqualTo(2);

            clock.advance(Duration.ofHours(14));
            assertThat(predict(after, uri).getException()).isNull();
            assertThat(billed()).isEqualTo(3);
            assertThat(component.spendBudgets().all()).singleElement()
                    .satisfies(b -> assertThat(b.spent()).isEqualByComparingTo("0.0001"));
        }
    }

    @Test
    void anEndpointWithItsOwnLimitHasItsOwnBudget() {
        Exchange refused = predict(template, "unitypredict:predict?modelId=heart-risk&spendLimit=0");
        assertThat(refused.getException()).isInstanceOf(SpendLimitExceededException.class)
                .hasMessageContaining("Budget unitypredict:predict#").hasMessageContaining("allows 0 USD per 24h");
        assertThat(((SpendLimitExceededException) refused.getException()).getPeriodEnd())
                .hasToString("2026-03-02T00:00:00Z");
        assertThat(calls(PREDICT)).isZero();

        // the component's budget is untouched
        assertThat(predict(template, "unitypredict:predict?modelId=heart-risk").getException()).isNull();
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void callsThatBillNothingAreNotGuarded() {
        Exchange zero = predict(template, "unitypredict:predict?modelId=heart-risk&spendLimit=0");
        assertThat(zero.getException()).isInstanceOf(SpendLimitExceededException.class);
        Exchange status = template.request("unitypredict:status?spendLimit=0",
                e -> e.getMessage().setHeader(UnityPredictConstants.REQUEST_ID, "no-such-request"));
        // the service answered (404): the status call was sent
        assertThat(status.getException()).isNotInstanceOf(SpendLimitExceededException.class).isNotNull();
    }
}
