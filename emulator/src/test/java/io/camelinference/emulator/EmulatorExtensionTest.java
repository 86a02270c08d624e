package io.camelinference.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension("ext-key",
            FaultRule.builder().path("/api/predict/status/*").status(418).build());

    @Test
    @Order(1)
    void startsOnAFreePortWithTheKeyAndStartupFaults() throws Exception {
        assertThat(emulator.apiKey()).isEqualTo("ext-key");
        assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
        Http http = new Http(emulator.baseUrl(), "ext-key");
        assertThat(http.get("/api/predict/status/x").statusCode()).isEqualTo(418);
        assertThat(http.post("/api/predict/heart-risk", Http.predictBody("{\"Age\":40,\"Chol\":200}")).statusCode()).isEqualTo(200);
        emulator.faults().add(FaultRule.status(500));
        assertThat(emulator.stats().totalCalls("unitypredict")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void resetsBeforeEachTestButKeepsStartupFaults() throws Exception {
        assertThat(emulator.stats().totalCalls("unitypredict")).isZero();
        assertThat(emulator.faults().rules()).hasSize(1);
        Http http = new Http(emulator.baseUrl(), "ext-key");
        assertThat(http.get("/api/predict/status/x").statusCode()).isEqualTo(418);
    }

    @Test
    void withoutAKeyItStartsWithTheDocumentedDefaultKeyAndAcceptsOnlyThat() throws Exception {
        EmulatorExtension defaults = new EmulatorExtension();
        defaults.beforeAll(null);
        try {
            assertThat(defaults.apiKey()).isEqualTo("emulator-key");
            String body = Http.predictBody("{\"Age\":40,\"Chol\":200}");
            assertThat(new Http(defaults.baseUrl(), "emulator-key").post("/api/predict/heart-risk", body).statusCode())
                    .isEqualTo(200);
            assertThat(new Http(defaults.baseUrl(), "ext-key").post("/api/predict/heart-risk", body).statusCode())
                    .isEqualTo(401);
        } finally {
            defaults.afterAll(null);
        }
    }
}
