package io.camelinference.deepomatic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What endpoint creation checks, and what it never shows. */
class DeepomaticEndpointTest extends DeepomaticTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void kebabCaseOperationsAreParsedAndUnknownOnesListTheValidOnes() {
        assertThat(context.getEndpoint("deepomatic:create-spec", DeepomaticEndpoint.class).operation())
                .isEqualTo(DeepomaticOperation.CREATE_SPEC);
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:infer"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("infer")
                .hasMessageContaining("inference, specs, spec, create-spec, update-spec, delete-spec, task, tasks");
    }

    @Test
    void badOptionsFailAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&bbox=0,0,2,1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&taskBatchSize=500"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("taskBatchSize");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specld=x"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("specld");
    }

    @Test
    void theKeyComesFromTheEnvironmentAndNeverShowsInTheUri() {
        DeepomaticEndpoint fromEnv = context.getEndpoint("deepomatic:specs", DeepomaticEndpoint.class);
        assertThat(fromEnv.getConfiguration().getApiKey()).isEqualTo(System.getenv("DEEPOMATIC_API_KEY"))
                .isEqualTo(emulator.apiKey());
        Endpoint explicit = context.getEndpoint("deepomatic:specs?apiKey=s3cr3t-value");
        assertThat(explicit.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void theGeneratedMetadataShipsAndSaysAsyncSecretAndOperations() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/io/camelinference/deepomatic/deepomatic.json")) {
            assertThat(in).as("deepomatic.json on the class path").isNotNull();
            JsonNode catalog = new ObjectMapper().readTree(in);
            assertThat(catalog.at("/component/async").asBoolean()).isTrue();
            assertThat(catalog.at("/component/producerOnly").asBoolean()).isTrue();
            assertThat(catalog.at("/properties/apiKey/secret").asBoolean()).isTrue();
            assertThat(catalog.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
            assertThat(catalog.at("/properties/operation/enum").toString()).contains("create-spec", "tasks");
            assertThat(catalog.at("/headers/CamelDeepomaticTaskId").isObject()).isTrue();
        }
        assertThat(PluginHelper.getUriFactoryResolver(context).resolveFactory("deepomatic", context))
                .isInstanceOf(DeepomaticEndpointUriFactory.class);
        assertThat(PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("deepomatic-endpoint", context))
                .isInstanceOf(DeepomaticEndpointConfigurer.class);
    }
}
