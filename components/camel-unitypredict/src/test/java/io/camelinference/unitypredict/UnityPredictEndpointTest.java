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
    void aMissingModelIdIsCheckedPerMessageSayingWhereToSetItAndNothingIsSent() {
        // the header may supply it, so the endpoint itself is fine without it
        org.apache.camel.Exchange out = template.request("unitypredict:predict", e -> e.getMessage().setBody(
                java.util.Map.of("Age", 50, "Chol", 200)));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs modelId").hasMessageContaining("option modelId")
                .hasMessageContaining("CamelUnityPredictModelId");
        assertThat(emulator().stats().totalCalls("unitypredict")).isZero();

        org.apache.camel.Exchange withHeader = template.request("unitypredict:predict", e -> {
            e.getMessage().setBody(java.util.Map.of("Age", 50, "Chol", 200));
            e.getMessage().setHeader(UnityPredictConstants.MODEL_ID, "heart-risk");
        });
        assertThat(withHeader.getException()).isNull();
    }

    @Test
    void optionsThatAreNotDurationsOrBelowTheirMinimumFailAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predict?modelId=m&waitTimeout=abc"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("waitTimeout").hasMessageContaining("not a duration");
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predict?modelId=m&pollInitialDelay=-5"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("pollInitialDelay");
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predict?modelId=m&pollMaxInterval=0"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("pollMaxInterval");
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predict?modelId=m&baseUrl=ftp://x"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("http or https");
        assertThat(emulator().stats().totalCalls("unitypredict")).isZero();
    }

    @Test
    void anUnknownOperationFailsAtCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predikt?modelId=m"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("predikt").hasMessageContaining("predict, status, download, callback");
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
            // a producer, and the callback consumer served over HTTP: no polling options in the catalog
            assertThat(catalog.at("/component/producerOnly").asBoolean()).isFalse();
            assertThat(catalog.at("/component/consumerOnly").asBoolean()).isFalse();
            assertThat(catalog.at("/properties").has("delay")).isFalse();
            assertThat(catalog.at("/properties").has("backoffMultiplier")).isFalse();
            assertThat(catalog.at("/properties/callbackToken/secret").asBoolean()).isTrue();
            assertThat(catalog.at("/properties/contextPath/defaultValue").asText()).isEqualTo("/unitypredict/callback");
            assertThat(catalog.at("/properties/apiKey/secret").asBoolean()).isTrue();
            assertThat(catalog.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        }
        // Camel finds the generated URI factory and configurers through their service files
        assertThat(org.apache.camel.support.PluginHelper.getUriFactoryResolver(context)
                .resolveFactory("unitypredict", context)).isInstanceOf(UnityPredictEndpointUriFactory.class);
        assertThat(org.apache.camel.support.PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("unitypredict-endpoint", context)).isInstanceOf(UnityPredictEndpointConfigurer.class);
    }

    @Test
    void expiringOldJobStatesRunsOffTheSchedulerAndGoesOnAfterAFailure() throws Exception {
        java.util.List<String> expiredOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.camelinference.common.job.MemoryJobStore store = new io.camelinference.common.job.MemoryJobStore(
                java.time.Duration.ofSeconds(1)) {
            @Override
            public int expire() {
                expiredOn.add(Thread.currentThread().getName());
                if (expiredOn.size() == 1) {
                    throw new IllegalStateException("the database is out of reach");
                }
                return super.expire();
            }
        };
        context.getRegistry().bind("flakyStore", store);
        context.getEndpoint("unitypredict:predict?modelId=m&jobStore=#flakyStore&jobStateTtl=1000&waitTimeout=1000")
                .createProducer().start();

        // every second: a first expiry that failed did not end the schedule
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> expiredOn.size() >= 2);
        assertThat(expiredOn).as("never on the thread every pending job's checks run on")
                .noneMatch(thread -> thread.contains("Scheduler"));
    }
}
