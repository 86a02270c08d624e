package io.camelinference.labelstudio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.emulator.labelstudio.LabelStudioProvider;
import io.camelinference.emulator.labelstudio.LabelStudioSettings;
import io.camelinference.labelstudio.model.Prediction;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.AsyncProcessorSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A model slower than Label Studio's predict timeout (shortened to 1 s here, 100 s in the product): answered in sync
 * mode Label Studio gives up and stores nothing; with predictMode=async every prediction is delivered through the API.
 */
class LabelStudioAsyncPredictTest extends MlBackendTestSupport {

    static final int TASKS = 40;

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().provider(
            new LabelStudioProvider(LabelStudioSettings.defaults().predictTimeout(Duration.ofSeconds(1)))));

    final AtomicInteger routed = new AtomicInteger();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("labelstudio:ml-backend?contextPath=/sync&maxConcurrentTasks=" + TASKS).process(new SlowModel());
                from("labelstudio:ml-backend?contextPath=/async&predictMode=async&modelVersion=slow-2"
                        + "&maxConcurrentTasks=16").process(new SlowModel());
            }
        };
    }

    /** A model that answers 1.5 s after it is asked, holding no thread meanwhile. */
    final class SlowModel extends AsyncProcessorSupport {
        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            routed.incrementAndGet();
            CompletableFuture.runAsync(() -> {
                exchange.getMessage().setBody("Positive");
                callback.done(false);
            }, CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
            return false;
        }
    }

    private long projectWithTasks() {
        long project = createProject(TEXT_CONFIG);
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(Map.of("text", "task " + i));
        }
        template.requestBodyAndHeader("labelstudio:import-tasks", tasks, LabelStudioConstants.PROJECT_ID, project);
        return project;
    }

    private List<Prediction> predictions(long project) {
        return template.requestBody("labelstudio:list-predictions?projectId=" + project, null, List.class);
    }

    @Test
    void inSyncModeLabelStudioStopsWaitingAndStoresNothing() throws Exception {
        long project = projectWithTasks();
        template.requestBodyAndHeader("labelstudio:create-backend", backendUrl("/sync"), LabelStudioConstants.PROJECT_ID,
                project);

        Exchange out = template.request("labelstudio:retrieve-predictions?projectId=" + project, e -> { });

        assertThat(out.getMessage().getHeader(LabelStudioConstants.PROCESSED_ITEMS)).isEqualTo(TASKS);
        assertThat(out.getMessage().getHeader(LabelStudioConstants.PREDICTION_COUNT)).isEqualTo(0);
        assertThat(call("GET", "/_emulator/labelstudio/events", null).toString()).contains("Read timed out");
        await().atMost(Duration.ofSeconds(10)).until(() -> routed.get() == TASKS);
        assertThat(predictions(project)).isEmpty();
    }

    @Test
    void inAsyncModeEveryPredictionIsDeliveredThoughTheModelIsSlowerThanTheTimeout() {
        long project = projectWithTasks();
        template.requestBodyAndHeader("labelstudio:create-backend", backendUrl("/async"),
                LabelStudioConstants.PROJECT_ID, project);

        Exchange out = template.request("labelstudio:retrieve-predictions?projectId=" + project, e -> { });
        assertThat(out.getException()).isNull();

        await().atMost(Duration.ofSeconds(20)).until(() -> predictions(project).size() == TASKS);
        assertThat(predictions(project)).allSatisfy(p -> {
            assertThat(p.modelVersion()).isEqualTo("slow-2");
            assertThat(p.result().get(0)).containsEntry("from_name", "sentiment");
        });
        assertThat(calls("POST /api/predictions")).isEqualTo(TASKS);

        template.request("labelstudio:retrieve-predictions?projectId=" + project, e -> { });
        assertThat(routed.get()).as("delivered predictions carry the model version: nothing is asked twice")
                .isEqualTo(TASKS);
    }
}
