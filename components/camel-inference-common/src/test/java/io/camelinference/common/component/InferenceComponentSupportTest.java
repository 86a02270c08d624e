package io.camelinference.common.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InferenceComponentSupportTest {

    @Test
    void aMissingKeyNamesTheOptionAndTheServicesEnvironmentVariable() {
        assertThatThrownBy(() -> ApiKeys.resolve(null, "ACME_API_KEY", "acme", name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("camel.component.acme.api-key").hasMessageContaining("ACME_API_KEY");
        assertThat(ApiKeys.resolve(null, "ACME_API_KEY", "acme", name -> "from-env")).isEqualTo("from-env");
        assertThat(ApiKeys.resolve("configured", "ACME_API_KEY", "acme", name -> "from-env")).isEqualTo("configured");
    }
}
