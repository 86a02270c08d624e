package io.camelinference.commsmining;

import java.time.Instant;

import io.camelinference.commsmining.model.CommsMiningStreamBatch;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** stream-fetch, stream-advance and stream-reset as producer operations, for routes that drive a stream themselves. */
class CommsMiningStreamOperationsTest extends CommsMiningTestSupport {

    private static final String INBOUND = "?" + DEMO + "&stream=inbound";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange fetch(int size) {
        return template.request("commsmining:stream-fetch" + INBOUND + "&fetchSize=" + size, e -> { });
    }

    @Test
    void fetchReturnsTheSameBatchUntilAdvancedAndResetGoesBack() {
        Exchange first = fetch(4);
        CommsMiningStreamBatch batch = first.getMessage().getBody(CommsMiningStreamBatch.class);
        assertThat(batch.results()).hasSize(4);
        assertThat(batch.results().get(0).comment().uid()).isEqualTo("18ba5ce699f8da1f.0001");
        assertThat(first.getMessage().getHeader(CommsMiningConstants.SEQUENCE_ID)).isEqualTo(batch.sequenceId());
        assertThat(first.getMessage().getHeader(CommsMiningConstants.IS_END_SEQUENCE)).isEqualTo(false);
        assertThat(first.getMessage().getHeader(CommsMiningConstants.FILTERED)).isEqualTo(0);
        assertThat(fetch(4).getMessage().getBody(CommsMiningStreamBatch.class).sequenceId()).isEqualTo(batch.sequenceId());

        // the fetch's headers carry the sequence id straight into the advance
        Exchange advanced = template.request("commsmining:stream-advance" + INBOUND,
                e -> e.getMessage().setHeaders(first.getMessage().getHeaders()));
        assertThat(advanced.getException()).isNull();
        assertThat(fetch(1).getMessage().getBody(CommsMiningStreamBatch.class).results().get(0).comment().uid())
                .isEqualTo("18ba5ce699f8da1f.0005");

        Exchange reset = template.request("commsmining:stream-reset" + INBOUND,
                e -> e.getMessage().setBody(Instant.parse("2024-03-01T00:00:00Z")));
        assertThat(reset.getMessage().getHeader(CommsMiningConstants.RESET_TO)).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(fetch(1).getMessage().getBody(CommsMiningStreamBatch.class).results().get(0).comment().uid())
                .isEqualTo("18ba5ce699f8da1f.0001");
        assertThat(calls(FETCH)).isEqualTo(4);
    }

    @Test
    void missingOrBadValuesAreRefusedBeforeAnyCall() {
        assertThat(template.request("commsmining:stream-fetch?" + DEMO, e -> { }).getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream")
                .hasMessageContaining(CommsMiningConstants.STREAM);
        assertThat(template.request("commsmining:stream-advance" + INBOUND, e -> { }).getException())
                .hasMessageContaining("sequence id");
        assertThat(template.request("commsmining:stream-reset" + INBOUND, e -> e.getMessage().setBody("yesterday"))
                .getException()).hasMessageContaining("ISO-8601");
        assertThat(emulator.stats().totalCalls("commsmining")).isZero();
    }
}
