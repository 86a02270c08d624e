package io.camelinference.common.component;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    @Test
    void theOptionWinsThenTheEnvironment() {
        Map<String, String> env = Map.of("X_API_KEY", "from-env");
        assertThat(ApiKeys.resolve("configured", "X_API_KEY", "x", env::get)).isEqualTo("configured");
        assertThat(ApiKeys.resolve(null, "X_API_KEY", "x", env::get)).isEqualTo("from-env");
        assertThat(ApiKeys.resolve(" ", "X_API_KEY", "x", env::get)).isEqualTo("from-env");
    }

    @Test
    void noKeyAnywhereSaysWhereToSetIt() {
        assertThatThrownBy(() -> ApiKeys.resolve(null, "X_API_KEY", "xservice", name -> null))
                .hasMessageContaining("apiKey").hasMessageContaining("camel.component.xservice.api-key")
                .hasMessageContaining("X_API_KEY");
    }
}
