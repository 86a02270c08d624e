package io.camelinference.commsmining;

import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What endpoint creation checks, and what it never shows. */
class CommsMiningEndpointTest extends CommsMiningTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void badOptionsFailAtCreationNamingTheOptionAndWhatItTakes() {
        String[][] cases = {
                {"threshold=1.5", "threshold"}, {"threshold=high", "or auto"},
                {"modelVersion=newest", "live, staging or latest"}, {"labels=Billing > :0.5", "empty level"},
                {"labels=Order:auto", "number from 0 to 1"}, {"batchSize=5000", "batchSize"},
                {"fetchSize=0", "fetchSize"}, {"maxAttempts=0", "maxAttempts"}, {"batchLinger=abc", "batchLinger"},
                {"projekt=demo", "projekt"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> context.getEndpoint("commsmining:predict?" + DEMO + "&" + c[0]))
                    .as(c[0]).isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining(c[1]);
        }
        assertThat(emulator.stats().totalCalls("commsmining")).isZero();
    }

    @Test
    void theBaseUrlIsRequiredAndTheMessageSaysWhereATenantsApiIs() throws Exception {
        try (DefaultCamelContext plain = new DefaultCamelContext()) {
            plain.start();
            assertThatThrownBy(() -> plain.getEndpoint("commsmining:predict?" + DEMO))
                    .hasMessageContaining("baseUrl").hasMessageContaining("reinfer")
                    .hasMessageContaining("camel.component.commsmining.base-url");
        }
    }

    @Test
    void aMissingProjectIsCheckedPerMessageNamingTheOptionAndTheHeader() {
        org.apache.camel.Exchange out = template.request("commsmining:predict?dataset=support-emails",
                e -> e.getMessage().setBody("hello"));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option project").hasMessageContaining(CommsMiningConstants.PROJECT);
        org.apache.camel.Exchange withHeader = template.request("commsmining:predict?dataset=support-emails", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeader(CommsMiningConstants.PROJECT, "demo");
        });
        assertThat(withHeader.getException()).isNull();
    }

    @Test
    void theTokenNeverShowsAndComesFromTheEnvironmentWhenNotConfigured() {
        Endpoint endpoint = context.getEndpoint("commsmining:predict?" + DEMO + "&apiKey=s3cr3t-value");
        assertThat(endpoint.toString()).doesNotContain("s3cr3t-value");
        CommsMiningEndpoint fromEnv = context.getEndpoint("commsmining:validation?" + DEMO, CommsMiningEndpoint.class);
        assertThat(fromEnv.getConfiguration().getApiKey()).isEqualTo(System.getenv("COMMSMINING_API_TOKEN"))
                .isEqualTo(emulator.apiKey());
    }

    @Test
    void componentOptionsAreCopiedAndUriOptionsOverrideThem() {
        context.getComponent("commsmining", CommsMiningComponent.class).getConfiguration().setProject("demo");
        CommsMiningEndpoint inherits = context.getEndpoint("commsmining:predict?dataset=a", CommsMiningEndpoint.class);
        CommsMiningEndpoint overrides = context.getEndpoint("commsmining:predict?dataset=b&project=other&batchLinger=2s",
                CommsMiningEndpoint.class);
        assertThat(inherits.getConfiguration().getProject()).isEqualTo("demo");
        assertThat(overrides.getConfiguration().getProject()).isEqualTo("other");
        assertThat(overrides.getConfiguration().getBatchLinger()).isEqualTo(2000);
    }
}
