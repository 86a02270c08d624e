package io.camelinference.common.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationCheckTest {

    /** The smallest configuration a component could have. */
    static final class Options extends InferenceConfiguration {
        private String apiKey;
        private String baseUrl;

        @Override
        public String getBaseUrl() {
            return baseUrl;
        }

        @Override
        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public String getApiKey() {
            return apiKey;
        }

        @Override
        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }
    }

    private static Options valid() {
        Options o = new Options();
        o.setBaseUrl("https://api.example.com/v1");
        return o;
    }

    @Test
    void theDefaultsPass() {
        assertThatCode(() -> ConfigurationCheck.validate(valid(), "x")).doesNotThrowAnyException();
    }

    @Test
    void aDurationThatIsNotOneReadsAsZeroAndFailsNamingTheOption() {
        Options o = valid();
        o.setWaitTimeout(0);
        assertThatThrownBy(() -> ConfigurationCheck.validate(o, "x"))
                .hasMessageContaining("waitTimeout must be at least 1000 ms, was 0 ms").hasMessageContaining("'abc'");
    }

    @Test
    void pollingCannotBeMadeABusyLoop() {
        Options o = valid();
        o.setPollMaxInterval(0);
        assertThatThrownBy(() -> ConfigurationCheck.validate(o, "x")).hasMessageContaining("pollMaxInterval");
        Options n = valid();
        n.setPollInitialDelay(-5);
        assertThatThrownBy(() -> ConfigurationCheck.validate(n, "x")).hasMessageContaining("pollInitialDelay");
    }

    @Test
    void relatedOptionsMustAgree() {
        Options o = valid();
        o.setJobStateTtl(1000);
        assertThatThrownBy(() -> ConfigurationCheck.validate(o, "x")).hasMessageContaining("jobStateTtl")
                .hasMessageContaining("waitTimeout");
        Options r = valid();
        r.setRetryMaxDelay(10);
        assertThatThrownBy(() -> ConfigurationCheck.validate(r, "x")).hasMessageContaining("retryMaxDelay");
    }

    @Test
    void aSpendLimitIsAnAmountOfZeroOrMoreAndItsPeriodAtLeastASecond() {
        Options o = valid();
        o.setSpendLimit(-1.0);
        assertThatThrownBy(() -> ConfigurationCheck.validate(o, "x")).hasMessageContaining("spendLimit must be 0 or"
                + " more");
        Options p = valid();
        p.setSpendLimit(5.0);
        p.setSpendPeriod(0);
        assertThatThrownBy(() -> ConfigurationCheck.validate(p, "x")).hasMessageContaining("spendPeriod");
        Options z = valid();
        z.setSpendLimit(0.0);
        assertThatCode(() -> ConfigurationCheck.validate(z, "x")).doesNotThrowAnyException();
    }

    @Test
    void theBaseUrlMustBeAnHttpUrl() {
        for (String bad : new String[] { null, " ", "api.example.com", "ftp://x/y", "https://x/api?key=1" }) {
            Options o = valid();
            o.setBaseUrl(bad);
            assertThatThrownBy(() -> ConfigurationCheck.validate(o, "x")).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        }
    }

    @Test
    void onlyOneJobStoreMayBeNamed() {
        Options o = valid();
        o.setJobStoreFile("state.jobs");
        o.setStateRepository(new org.apache.camel.support.processor.state.MemoryStateRepository());
        assertThatThrownBy(() -> ConfigurationCheck.validate(o, "x")).hasMessageContaining("only one");
    }
}
