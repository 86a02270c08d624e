package io.camelinference.labelstudio;

import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What endpoint creation checks, and what it never shows. */
class LabelStudioEndpointTest extends LabelStudioTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void baseUrlIsRequiredAndTheMessageShowsALocalOne() {
        context.getComponent("labelstudio", LabelStudioComponent.class).getConfiguration().setBaseUrl(null);
        assertThatThrownBy(() -> context.getEndpoint("labelstudio:list-projects"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("needs baseUrl")
                .hasMessageContaining("http://localhost:8080");
    }

    @Test
    void unknownOperationsAndOptionsFailAtCreationNamingThem() {
        assertThatThrownBy(() -> context.getEndpoint("labelstudio:list-projekts"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("list-projekts")
                .hasMessageContaining("retrieve-predictions").hasMessageContaining("ml-backend");
        assertThatThrownBy(() -> context.getEndpoint("labelstudio:list-tasks?projectld=1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("projectld");
        assertThatThrownBy(() -> context.getEndpoint("labelstudio:list-tasks?pageSize=0"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> context.getEndpoint("labelstudio:ml-backend?basicAuthUser=ls"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("basicAuthPassword");
    }

    @Test
    void producerOperationsHaveNoConsumerAndTheConsumerNoProducer() throws Exception {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("labelstudio:list-projects").routeId("wrong").log("never");
            }
        })).hasStackTraceContaining("has no consumer").hasStackTraceContaining("labelstudio:ml-backend");
        Exchange out = template.request("labelstudio:ml-backend", e -> { });
        assertThat(out.getException()).hasMessageContaining("has no producer; use it in from(...)");
    }

    @Test
    void secretsNeverShowInTheEndpointUri() {
        Endpoint endpoint = context.getEndpoint("labelstudio:ml-backend?apiKey=s3cr3t-token&basicAuthUser=ls"
                + "&basicAuthPassword=p4ssw0rd");
        assertThat(endpoint.toString()).doesNotContain("s3cr3t-token").doesNotContain("p4ssw0rd");
    }

    @Test
    void theTokenComesFromTheEnvironmentWhenNotConfigured() {
        LabelStudioEndpoint endpoint = context.getEndpoint("labelstudio:list-projects", LabelStudioEndpoint.class);
        assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo(System.getenv("LABEL_STUDIO_API_KEY"))
                .isEqualTo(emulator.apiKey());
    }

    @Test
    void theProjectIsCheckedPerMessageNamingOptionAndHeader() {
        Exchange out = template.request("labelstudio:list-tasks", e -> { });
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option projectId").hasMessageContaining(LabelStudioConstants.PROJECT_ID);
        assertThat(emulator.stats().totalCalls("labelstudio")).isZero();
    }
}
