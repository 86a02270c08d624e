package io.camelinference.unitypredict.operation;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PredictBillingTest {

    @Test
    void computeTimeChargedIsReadAsSeconds() {
        assertThat(PredictBilling.seconds("00:00:00.0150888")).isEqualByComparingTo(new BigDecimal("0.0150888"));
        assertThat(PredictBilling.seconds("00:01:02")).isEqualByComparingTo(new BigDecimal("62"));
        assertThat(PredictBilling.seconds(" 1.02:03:04.5 ")).isEqualByComparingTo(new BigDecimal("93784.5"));
        assertThat(PredictBilling.seconds(null)).isNull();
        assertThat(PredictBilling.seconds("5 seconds")).isNull();
        assertThat(PredictBilling.seconds("00:00:00.12x")).isNull();
        assertThat(PredictBilling.seconds("00:00:00:00")).isNull();
    }
}
