package io.camelinference.labelstudio;

import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Label Studio bills nothing: no spend limit applies; its dev console still shows endpoints and totals. */
class LabelStudioObservabilityTest extends LabelStudioTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void aSpendLimitIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("labelstudio:list-projects?spendLimit=10"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Label Studio bills nothing, so spendLimit does not apply");
    }

    @Test
    void theConsoleShowsEndpointsAndTotals() {
        assertThat(template.request("labelstudio:list-projects", e -> { }).getException()).isNull();

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("labelstudio");
        String text = (String) console.call(DevConsole.MediaType.TEXT);

        assertThat(text).startsWith("Label Studio (labelstudio)").contains("labelstudio://list-projects")
                .contains("list-projects  requests 1, failures 0, retries 0, billed nothing")
                .doesNotContain(emulator.apiKey());
    }
}
