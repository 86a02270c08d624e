package io.camelinference.labelstudio;

import java.time.Duration;
import java.util.List;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceException;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Legacy tokens and personal access tokens, access tokens renewed on expiry and after a 401, secrets never shown. */
class LabelStudioAuthTest extends LabelStudioTestSupport {

    static final String REFRESH = "POST /api/token/refresh";
    static final String PROJECTS = "GET /api/projects";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    String pat;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        configuration.setMaxRetries(0);
    }

    @BeforeEach
    void personalAccessToken() throws Exception {
        labelStudioSettings("{\"accessTokenLifetimeMillis\": 2500, \"personalTokenLifetimeMillis\": 86400000}");
        pat = call("POST", "/api/token/", "{}").get("token").asText();
    }

    private Exchange listProjects(String apiKey) {
        return template.request("labelstudio:list-projects?apiKey=RAW(" + apiKey + ")", e -> { });
    }

    @Test
    void aPersonalAccessTokenIsExchangedOnceAndRenewedBeforeItsAccessTokenExpires() {
        for (int i = 0; i < 5; i++) {
            assertThat(listProjects(pat).getException()).isNull();
        }
        assertThat(calls(REFRESH)).as("one exchange for five calls").isEqualTo(1);
        assertThat(calls(PROJECTS)).isEqualTo(5);

        int[] sent = {5};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(listProjects(pat).getException()).isNull();
            sent[0]++;
            return calls(REFRESH) >= 2;
        });
        assertThat(calls(PROJECTS)).as("renewed in time: no call was refused and sent again").isEqualTo(sent[0]);
    }

    @Test
    void anAccessTokenTheServerRefusesIsRenewedAndTheCallSentOnceMore() throws Exception {
        labelStudioSettings("{\"accessTokenLifetimeMillis\": 600000}");
        assertThat(listProjects(pat).getException()).isNull();
        call("POST", "/_emulator/labelstudio/revoke-access-tokens", "{}");

        Exchange out = listProjects(pat);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).isEmpty();
        assertThat(calls(REFRESH)).isEqualTo(2);
        assertThat(calls(PROJECTS)).as("the refused call, then the same call with a new token").isEqualTo(3);
    }

    @Test
    void aRefusedOrExpiredPersonalAccessTokenFailsClearlyWithoutShowingIt() throws Exception {
        String forged = pat.substring(0, pat.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        Exchange refused = listProjects(forged);
        assertThat(refused.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("personal access token was refused").hasMessageContaining("create a new one")
                .hasMessageNotContaining(forged);
        assertThat(calls(PROJECTS)).isZero();

        labelStudioSettings("{\"personalTokenLifetimeMillis\": 1}");
        String expired = call("POST", "/api/token/", "{}").get("token").asText();
        Exchange out = listProjects(expired);
        assertThat(out.getException()).isInstanceOf(InferenceException.class).hasMessageContaining("expired at");
        assertThat(calls(REFRESH)).as("an expired token is not even sent").isEqualTo(1);
    }

    @Test
    void aWrongLegacyTokenIsAClear401WithoutTheToken() {
        Exchange out = listProjects("wrong-token-123");
        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("401").hasMessageContaining("Invalid token.")
                .hasMessageNotContaining("wrong-token-123");
        assertThat(calls(REFRESH)).isZero();
    }
}
