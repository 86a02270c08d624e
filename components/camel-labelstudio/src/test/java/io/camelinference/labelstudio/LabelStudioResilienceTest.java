package io.camelinference.labelstudio;

import java.util.List;
import java.util.Map;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads are retried through failures; calls that create something are never sent twice once Label Studio may have them. */
class LabelStudioResilienceTest extends LabelStudioTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void aListIsReadThrough503sAnd429WithRetryAfter() {
        long project = createProject(TEXT_CONFIG);
        fault(FaultRule.builder().method("GET").path("/api/tasks/").status(503).count(2));
        fault(FaultRule.builder().method("GET").path("/api/tasks/").status(429).retryAfter(1).count(1));
        Exchange out = template.request("labelstudio:list-tasks?projectId=" + project, e -> { });
        assertThat(out.getException()).isNull();
        assertThat(calls("GET /api/tasks")).isEqualTo(4);
    }

    @Test
    void anImportWhoseAnswerIsLostIsNotSentAgain() {
        long project = createProject(TEXT_CONFIG);
        fault(FaultRule.builder().method("POST").path("/api/projects/*/import").status(500).afterProcessing(true)
                .count(1));
        Exchange failed = template.request("labelstudio:import-tasks?projectId=" + project,
                e -> e.getMessage().setBody(List.of(Map.of("text", "once"))));
        assertThat(failed.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("500");
        assertThat(calls("POST /api/projects/{id}/import")).isEqualTo(1);
        assertThat(template.requestBody("labelstudio:list-tasks?projectId=" + project, null, List.class))
                .as("Label Studio did import it: a second send would have doubled the task").hasSize(1);

        fault(FaultRule.builder().method("POST").path("/api/predictions/").drop(true).afterProcessing(true).count(1));
        Exchange dropped = template.request("labelstudio:create-prediction", e -> e.getMessage().setBody(Map.of(
                "task", 1, "result", List.of())));
        assertThat(dropped.getException()).isInstanceOf(InferenceTransportException.class)
                .hasMessageContaining("not re-sent");
        assertThat(calls("POST /api/predictions")).isEqualTo(1);
    }
}
