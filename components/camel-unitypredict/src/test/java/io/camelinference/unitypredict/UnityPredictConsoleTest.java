package io.camelinference.unitypredict;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unitypredict dev console, found by Camel as any console is (by its name), called as text and JSON while
 * predictions are pending on the emulator: endpoints (key masked), pending jobs with id, state, age and checks, totals
 * and the spend budget.
 */
class UnityPredictConsoleTest extends UnityPredictTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(2500));

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        configuration.setSpendLimit(5.0);
    }

    @Test
    void theConsoleListsEndpointsPendingJobsTotalsAndTheBudget() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("unitypredict");
        assertThat(console).as("the console is discovered by its name").isNotNull();
        assertThat(console.getGroup()).isEqualTo("camel-inference");
        template.request("unitypredict:predict", e -> e.getMessage().setBody(Map.of("Text", "no model given")));

        String uri = "unitypredict:predict?modelId=sentiment-slow&apiKey=RAW(" + emulator.apiKey() + ")";
        List<CompletableFuture<Exchange>> pending = List.of(
                template.asyncSend(uri, e -> e.getMessage().setBody(Map.of("Text", "a wonderful day"))),
                template.asyncSend(uri, e -> e.getMessage().setBody(Map.of("Text", "an awful day"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingJobs(console).size() == 2
                && pendingJobs(console).stream().allMatch(j -> ((Number) j.get("checks")).intValue() >= 1));

        List<JsonObject> jobs = pendingJobs(console);
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.getString("operation")).isEqualTo("predict");
            assertThat(job.getString("state")).isEqualTo("Processing");
            assertThat(job.getLong("ageMillis")).isPositive();
            assertThat(job.getString("id")).isNotBlank();
        });
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).startsWith("UnityPredict (unitypredict)")
                .contains("Pending jobs (2):")
                .contains("predict  " + jobs.get(0).getString("id") + "  Processing  age ")
                .contains("predict  requests 1, failures 1 {bad_input=1}")
                .contains("unitypredict  spent 0 of 5 USD per 24h")
                .contains("unitypredict://predict?apiKey=xxxxxx&modelId=sentiment-slow")
                .doesNotContain(emulator.apiKey());

        List<String> ids = pending.stream().map(CompletableFuture::join)
                .map(e -> e.getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class)).toList();
        assertThat(jobs).extracting(j -> j.getString("id")).containsExactlyInAnyOrderElementsOf(ids);
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        List<?> none = json.getCollection("pendingJobs");
        assertThat(none).isEmpty();
        JsonObject totals = json.getMap("totals");
        JsonObject predict = totals.getMap("predict");
        JsonObject billed = predict.getMap("billed");
        assertThat(predict.getLong("requests")).isEqualTo(3);
        assertThat(billed.getDouble("usd")).isEqualTo(0.0006);
        List<?> budgets = json.getCollection("spendBudgets");
        JsonObject budget = (JsonObject) budgets.get(0);
        assertThat(budget.getDouble("spent")).isEqualTo(0.0006);
        assertThat(json.toJson()).doesNotContain(emulator.apiKey());
    }

    @SuppressWarnings("unchecked")
    private static List<JsonObject> pendingJobs(DevConsole console) {
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        List<?> jobs = json.getCollection("pendingJobs");
        return (List<JsonObject>) List.copyOf(jobs);
    }
}
