package io.camelinference.annolab;

import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What endpoint creation checks, and what it never shows. */
class AnnoLabEndpointTest extends AnnoLabTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void theFourOperationsUseKebabCaseNames() {
        for (String op : new String[] {"infer", "status", "create-source", "export"}) {
            AnnoLabEndpoint endpoint = context.getEndpoint("annolab:" + op + "?" + TARGET
                    + "&modelIdentifier=m&outputLayerIdentifier=l", AnnoLabEndpoint.class);
            assertThat(endpoint.getOperation().uriName()).isEqualTo(op);
        }
        assertThatThrownBy(() -> context.getEndpoint("annolab:annotate?" + TARGET))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("annotate").hasMessageContaining("infer, status, create-source, export");
    }

    @Test
    void missingOptionsFailAtCreationSayingWhatIsNeeded() {
        assertThatThrownBy(() -> context.getEndpoint("annolab:infer?" + TARGET + "&outputLayerIdentifier=l"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("needs modelIdentifier");
        assertThatThrownBy(() -> context.getEndpoint("annolab:create-source?projectIdentifier=p"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("needs groupName");
        assertThat(context.getEndpoint("annolab:status")).isNotNull();
    }

    @Test
    void theKeyNeverShowsInTheEndpointUriAndComesFromTheEnvironmentWhenNotSet() {
        Endpoint endpoint = context.getEndpoint("annolab:status?apiKey=s3cr3t-value");
        assertThat(endpoint.toString()).doesNotContain("s3cr3t-value");
        AnnoLabEndpoint fromEnv = context.getEndpoint("annolab:status?waitTimeout=3s", AnnoLabEndpoint.class);
        assertThat(fromEnv.getConfiguration().getApiKey()).isEqualTo(System.getenv("ANNOLAB_API_KEY"))
                .isEqualTo(emulator.apiKey());
        assertThat(fromEnv.getConfiguration().getWaitTimeout()).isEqualTo(3_000);
    }

    @Test
    void theGeneratedMetadataShipsAndSaysAsyncAndSecret() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/io/camelinference/annolab/annolab.json")) {
            assertThat(in).as("annolab.json on the class path").isNotNull();
            var catalog = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            assertThat(catalog.at("/component/async").asBoolean()).isTrue();
            assertThat(catalog.at("/component/producerOnly").asBoolean()).isTrue();
            assertThat(catalog.at("/properties/apiKey/secret").asBoolean()).isTrue();
            assertThat(catalog.at("/properties/fetchResults/defaultValue").asBoolean()).isTrue();
            assertThat(catalog.at("/headers/CamelAnnoLabInferenceJobId")).isNotNull();
        }
        assertThat(org.apache.camel.support.PluginHelper.getUriFactoryResolver(context)
                .resolveFactory("annolab", context)).isInstanceOf(AnnoLabEndpointUriFactory.class);
    }
}
