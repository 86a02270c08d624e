package io.camelinference.deepomatic;

import java.util.Map;

import io.camelinference.deepomatic.model.DeepomaticSpec;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What endpoint creation checks, what each message must supply, and what is never shown. */
class DeepomaticEndpointTest extends DeepomaticTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void kebabCaseOperationsAreParsedAndUnknownOnesListTheValidOnes() {
        assertThat(context.getEndpoint("deepomatic:create-spec", DeepomaticEndpoint.class).getOperation())
                .isEqualTo(DeepomaticOperation.createSpec);
        assertThat(context.getEndpoint("deepomatic:createSpec", DeepomaticEndpoint.class).getOperation())
                .isEqualTo(DeepomaticOperation.createSpec);
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:infer"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("infer")
                .hasMessageContaining("inference, specs, spec, create-spec, update-spec, delete-spec, task, tasks");
        assertThat(context.getEndpoint("deepomatic:spec-versions", DeepomaticEndpoint.class).getOperation())
                .isEqualTo(DeepomaticOperation.specVersions);
        assertThat(context.getEndpoint("deepomatic:update-network", DeepomaticEndpoint.class).getOperation())
                .isEqualTo(DeepomaticOperation.updateNetwork);
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:versionz"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("create-version, delete-version,"
                        + " networks, network, create-network, update-network, delete-network, account");
    }

    @Test
    void badOptionsFailAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&bbox=0,0,2,1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&taskBatchSize=500"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("taskBatchSize");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&taskBatchSize=0"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("taskBatchSize");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&maxPredictions=0"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("maxPredictions");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specld=x"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("specld");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&waitTimeout=abc"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("waitTimeout");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&polygon=0,0;1,1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> context.getEndpoint("deepomatic:inference?specId=x&polygon=0,0;2,0;0,1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("between 0 and 1");
        assertThat(emulator.stats().totalCalls("deepomatic")).isZero();
    }

    @Test
    void theKeyComesFromTheEnvironmentAndNeverShowsInTheUri() {
        DeepomaticEndpoint fromEnv = context.getEndpoint("deepomatic:specs", DeepomaticEndpoint.class);
        assertThat(fromEnv.getConfiguration().getApiKey()).isEqualTo(System.getenv("DEEPOMATIC_API_KEY"))
                .isEqualTo(emulator.apiKey());
        Endpoint explicit = context.getEndpoint("deepomatic:specs?apiKey=s3cr3t-value");
        assertThat(explicit.toString()).doesNotContain("s3cr3t-value").contains("apiKey=xxxxxx");
    }

    @Test
    void aSpecIdIsCheckedPerMessageNamingTheOptionAndTheHeaderAndNothingIsSent() {
        for (String operation : new String[] {"inference", "update-spec"}) {
            Exchange out = template.request("deepomatic:" + operation, e -> e.getMessage().setBody(sample("red-apple.png")));
            assertThat(out.getException()).as(operation).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("deepomatic:" + operation + " needs specId")
                    .hasMessageContaining("option specId").hasMessageContaining(DeepomaticConstants.SPEC_ID);
        }
        for (String operation : new String[] {"spec", "delete-spec"}) {
            Exchange out = template.request("deepomatic:" + operation, e -> e.getMessage().setBody(null));
            assertThat(out.getException()).as(operation).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("option specId").hasMessageContaining(DeepomaticConstants.SPEC_ID);
        }
        assertThat(emulator.stats().totalCalls("deepomatic")).isZero();

        // the header supplies it per message, so the endpoint itself is fine without the option
        Exchange withHeader = template.request("deepomatic:spec", e -> e.getMessage().setHeader(
                DeepomaticConstants.SPEC_ID, CLASSIFIER));
        assertThat(withHeader.getException()).isNull();
        assertThat(withHeader.getMessage().getBody(DeepomaticSpec.class).id()).isEqualTo(CLASSIFIER);
    }

    @Test
    void versionAndNetworkIdsAreCheckedPerMessageNamingTheOptionAndTheHeader() {
        for (String operation : new String[] {"version", "delete-version"}) {
            Exchange out = template.request("deepomatic:" + operation, e -> e.getMessage().setBody(null));
            assertThat(out.getException()).as(operation).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("option versionId").hasMessageContaining(DeepomaticConstants.VERSION_ID);
        }
        for (String operation : new String[] {"network", "delete-network", "update-network"}) {
            Exchange out = template.request("deepomatic:" + operation, e -> e.getMessage().setBody(Map.of("name", "x")));
            assertThat(out.getException()).as(operation).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("option networkId").hasMessageContaining(DeepomaticConstants.NETWORK_ID);
        }
        Exchange noTarget = template.request("deepomatic:inference", e -> e.getMessage().setBody(sample("red-apple.png")));
        assertThat(noTarget.getException()).hasMessageContaining("option versionId")
                .hasMessageContaining(DeepomaticConstants.VERSION_ID);
        assertThat(emulator.stats().totalCalls("deepomatic")).isZero();
    }

    @Test
    void taskIdsAreCheckedPerMessageNamingTheHeader() {
        Exchange task = template.request("deepomatic:task", e -> e.getMessage().setBody(Map.of("not", "an id")));
        assertThat(task.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DeepomaticConstants.TASK_ID).hasMessageContaining("body");
        Exchange tasks = template.request("deepomatic:tasks", e -> e.getMessage().setBody(" , "));
        assertThat(tasks.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DeepomaticConstants.TASK_IDS);
        assertThat(emulator.stats().totalCalls("deepomatic")).isZero();
    }

    @Test
    void theOperationHeaderPicksAnotherOperation() {
        Exchange out = template.request("deepomatic:spec?specId=" + CLASSIFIER, e -> {
            e.getMessage().setHeader(DeepomaticConstants.OPERATION, "specs");
            e.getMessage().setHeader(DeepomaticConstants.PUBLIC_SPEC, true);
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DeepomaticConstants.SPEC_COUNT)).isEqualTo(2);

        Exchange unknown = template.request("deepomatic:spec?specId=" + CLASSIFIER,
                e -> e.getMessage().setHeader(DeepomaticConstants.OPERATION, "speck"));
        assertThat(unknown.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DeepomaticConstants.OPERATION).hasMessageContaining("speck");
    }
}
