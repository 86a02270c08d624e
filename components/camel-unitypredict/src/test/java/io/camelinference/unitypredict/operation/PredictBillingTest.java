package io.camelinference.unitypredict.operation;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PredictBillingTest {

    @Test
    void costIsTheDecimalTheServiceWrote() {
        double[] costs = {0.0001, 0.000125, 0.1, 0.3, 1.5, 12.000000001, 999999.999999999, 0, -0.25, 1e-10,
                0.1234567891, 1e6, 3.4e12, 1.0 / 3};
        for (double cost : costs) {
            BigDecimal expected = BigDecimal.valueOf(cost);
            assertThat(PredictBilling.decimal(cost)).as("%s", cost).isEqualByComparingTo(expected);
        }
        assertThat(PredictBilling.decimal(0.0001)).isEqualTo(new BigDecimal("0.0001"));
        assertThat(PredictBilling.decimal(0.1 + 0.2)).isEqualByComparingTo(new BigDecimal("0.30000000000000004"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        for (int i = 0; i < 100_000; i++) {
            double cost = random.nextLong(1_000_000_000_000L) / 1e6 / Math.pow(10, random.nextInt(4));
            assertThat(PredictBilling.decimal(cost)).as("%s", cost).isEqualByComparingTo(BigDecimal.valueOf(cost));
        }
    }

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
