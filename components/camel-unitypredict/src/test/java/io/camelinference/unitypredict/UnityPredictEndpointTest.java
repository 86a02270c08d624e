package io.camelinference.unitypredict;

import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What endpoint creation checks, and what it never shows. */
class UnityPredictEndpointTest extends UnityPredictTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void anUnknownOptionFailsAtCreationNamingIt() {
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predict?modelId=m&modelIdd=typo"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("modelIdd");
    }

    @Test
    void aMissingModelIdFailsAtCreationSayingWhatIsNeeded() {
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predict"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("needs a modelId").hasMessageContaining("CamelUnityPredictModelId");
    }

    @Test
    void anUnknownOperationFailsAtCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predikt?modelId=m"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("predikt").hasMessageContaining("predict, status, download");
    }

    @Test
    void theKeyNeverShowsInTheEndpointUri() {
        Endpoint endpoint = context.getEndpoint("unitypredict:predict?modelId=m&apiKey=s3cr3t-value");
        // what Camel prints (logs, route dumps, JMX) is the endpoint's toString, masked by the secret option
        assertThat(endpoint.toString()).doesNotContain("s3cr3t-value").contains("apiKey=xxxxxx");
    }

    @Test
    void theKeyComesFromTheEnvironmentWhenNotConfigured() {
        UnityPredictEndpoint endpoint = context.getEndpoint("unitypredict:predict?modelId=m", UnityPredictEndpoint.class);
        assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo(System.getenv("UNITYPREDICT_API_KEY"))
                .isEqualTo(emulator.apiKey());
    }

    @Test
    void componentOptionsAreCopiedAndUriOptionsOverrideThem() {
        context.getComponent("unitypredict", UnityPredictComponent.class).getConfiguration().setWaitTimeout(12_000);
        UnityPredictEndpoint inherits = context.getEndpoint("unitypredict:predict?modelId=a", UnityPredictEndpoint.class);
        UnityPredictEndpoint overrides = context.getEndpoint("unitypredict:predict?modelId=b&waitTimeout=3s",
                UnityPredictEndpoint.class);
        assertThat(inherits.getConfiguration().getWaitTimeout()).isEqualTo(12_000);
        assertThat(overrides.getConfiguration().getWaitTimeout()).isEqualTo(3_000);
        assertThat(inherits.getConfiguration()).isNotSameAs(overrides.getConfiguration());
    }

    @Test
    void theGeneratedMetadataShipsAndSaysAsyncAndSecret() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/io/camelinference/unitypredict/unitypredict.json")) {
            assertThat(in).as("unitypredict.json on the class path").isNotNull();
            var catalog = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            assertThat(catalog.at("/component/async").asBoolean()).isTrue();
            assertThat(catalog.at("/component/producerOnly").asBoolean()).isTrue();
            assertThat(catalog.at("/properties/apiKey/secret").asBoolean()).isTrue();
            assertThat(catalog.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        }
        // Camel finds the generated URI factory and configurers through their service files
        assertThat(org.apache.camel.support.PluginHelper.getUriFactoryResolver(context)
                .resolveFactory("unitypredict", context)).isInstanceOf(UnityPredictEndpointUriFactory.class);
        assertThat(org.apache.camel.support.PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("unitypredict-endpoint", context)).isInstanceOf(UnityPredictEndpointConfigurer.class);
    }
}
