package io.camelinference.common.operation;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopLabelTest {

    private final Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();

    @Test
    void setsTheLabelAsTextAndTheScoreAsDouble() {
        TopLabel.write(message, "L", "S", TopLabel.of(Boolean.TRUE, 0.75f));

        assertThat(message.getHeader("L")).isEqualTo("true");
        assertThat(message.getHeader("S")).isEqualTo(0.75);
    }

    @Test
    void anAnswerWithoutALabelClearsTheHeadersOfAnEarlierOne() {
        message.setHeader("L", "red");
        message.setHeader("S", 0.9);

        TopLabel.write(message, "L", "S", TopLabel.of(null, 0.5));

        assertThat(message.getHeaders()).doesNotContainKeys("L", "S");
    }

    @Test
    void aLabelWithoutAScoreClearsAnEarlierScore() {
        message.setHeader("S", 0.9);

        TopLabel.write(message, "L", "S", TopLabel.of("Invoice", null));

        assertThat(message.getHeader("L")).isEqualTo("Invoice");
        assertThat(message.getHeaders()).doesNotContainKey("S");
    }
}
