package io.camelinference.labelstudio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.labelstudio.model.LabelStudioEvent;
import io.camelinference.labelstudio.model.LabelStudioTask;
import io.camelinference.labelstudio.model.MlBackend;
import io.camelinference.labelstudio.model.ModelVersions;
import io.camelinference.labelstudio.model.Prediction;
import io.camelinference.labelstudio.model.Task;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel route as Label Studio's ML backend, driven end to end by the emulated Label Studio: it adds the backend
 * (health, setup), retrieves predictions for 100 tasks (one predict request, 100 exchanges, 100 stored predictions in
 * task order), trains it (the webhook becomes an exchange), asks it interactively; and every backend operation.
 */
class LabelStudioMlBackendTest extends MlBackendTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    final AtomicInteger predicted = new AtomicInteger();
    final List<LabelStudioEvent> events = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> contexts = new CopyOnWriteArrayList<>();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("labelstudio:ml-backend?contextPath=/ml&modelVersion=sentiment-1").routeId("backend")
                        .choice()
                        .when(header(LabelStudioConstants.ACTION).isEqualTo("PREDICT"))
                            .process(e -> {
                                LabelStudioTask task = e.getMessage().getBody(LabelStudioTask.class);
                                predicted.incrementAndGet();
                                if (task.getContext() != null) {
                                    contexts.add(task.getContext());
                                }
                                e.getMessage().setBody(task.getText().contains("good") ? "positive" : "Negative");
                            })
                        .otherwise()
                            .process(e -> {
                                events.add(e.getMessage().getBody(LabelStudioEvent.class));
                                e.getMessage().setBody(Map.of("trained_on", e.getMessage()
                                        .getHeader(LabelStudioConstants.PROJECT_ID)));
                            });
            }
        };
    }

    @Test
    void labelStudioAddsTheRouteAsABackendAndStoresItsPredictionsForAHundredTasksInTaskOrder() {
        long project = createProject(TEXT_CONFIG);
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(Map.of("text", i % 3 == 0 ? "a good day " + i : "a day " + i));
        }
        template.requestBodyAndHeader("labelstudio:import-tasks", tasks, LabelStudioConstants.PROJECT_ID, project);

        Exchange added = template.request("labelstudio:create-backend?projectId=" + project,
                e -> e.getMessage().setBody(backendUrl("/ml")));
        assertThat(added.getException()).isNull();
        MlBackend backend = added.getMessage().getBody(MlBackend.class);
        assertThat(backend.state()).isEqualTo(MlBackend.CONNECTED);
        assertThat(backend.modelVersion()).isEqualTo("sentiment-1");

        Exchange retrieved = template.request("labelstudio:retrieve-predictions?projectId=" + project, e -> { });
        assertThat(retrieved.getException()).isNull();
        assertThat(retrieved.getMessage().getHeader(LabelStudioConstants.PROCESSED_ITEMS)).isEqualTo(100);
        assertThat(retrieved.getMessage().getHeader(LabelStudioConstants.PREDICTION_COUNT)).isEqualTo(100);
        assertThat(predicted.get()).isEqualTo(100);

        List<Prediction> stored = template.requestBody("labelstudio:list-predictions?projectId=" + project, null,
                List.class);
        assertThat(stored).hasSize(100).allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo("sentiment-1"));
        Map<Long, Object> texts = new java.util.HashMap<>();
        List<Task> all = template.requestBody("labelstudio:list-tasks?projectId=" + project, null, List.class);
        all.forEach(t -> texts.put(t.id(), t.data().get("text")));
        for (Prediction p : stored) {
            String text = texts.get(p.task()).toString();
            Map<?, ?> value = (Map<?, ?>) p.result().get(0).get("value");
            assertThat(value.get("choices")).as("task %s: %s", p.task(), text)
                    .isEqualTo(List.of(text.contains("good") ? "Positive" : "Negative"));
        }

        template.request("labelstudio:retrieve-predictions?projectId=" + project, e -> { });
        assertThat(predicted.get()).as("tasks predicted by sentiment-1 are not asked again").isEqualTo(100);
    }

    @Test
    void everyBackendOperationWorksAgainstTheRouteAndTrainingReachesItAsAnExchange() {
        long project = createProject(TEXT_CONFIG);
        List<?> taskIds = template.request("labelstudio:import-tasks?projectId=" + project, e -> e.getMessage()
                .setBody(List.of(Map.of("text", "good news")))).getMessage()
                .getHeader(LabelStudioConstants.TASK_IDS, List.class);
        MlBackend backend = template.requestBody("labelstudio:create-backend", Map.of("url", backendUrl("/ml"),
                "project", project, "title", "camel"), MlBackend.class);

        assertThat(template.requestBody("labelstudio:list-backends?projectId=" + project, null, List.class)).hasSize(1);
        assertThat(template.requestBody("labelstudio:get-backend", backend.id(), MlBackend.class).title())
                .isEqualTo("camel");
        MlBackend changed = template.requestBodyAndHeader("labelstudio:update-backend", Map.of("is_interactive", true),
                LabelStudioConstants.BACKEND_ID, backend.id(), MlBackend.class);
        assertThat(changed.interactive()).isTrue();
        ModelVersions versions = template.requestBody("labelstudio:backend-versions", backend.id(), ModelVersions.class);
        assertThat(versions.versions()).containsExactly("sentiment-1");

        Exchange interactive = template.request("labelstudio:interactive-annotating?backendId=" + backend.id(),
                e -> e.getMessage().setBody(Map.of("task", taskIds.get(0), "context", Map.of("result", List.of()))));
        assertThat(interactive.getException()).isNull();
        assertThat(interactive.getMessage().getBody(Map.class).get("result").toString()).contains("Positive");
        assertThat(contexts).hasSize(1);

        Exchange trained = template.request("labelstudio:train", e -> e.getMessage().setBody(backend.id()));
        assertThat(trained.getException()).isNull();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).action()).isEqualTo("START_TRAINING");
        assertThat(events.get(0).project()).isEqualTo(project);
        assertThat(events.get(0).labelConfig().firstControl("Choices").name()).isEqualTo("sentiment");

        template.requestBody("labelstudio:delete-backend", backend.id());
        assertThat(template.requestBody("labelstudio:list-backends?projectId=" + project, null, List.class)).isEmpty();
    }
}
