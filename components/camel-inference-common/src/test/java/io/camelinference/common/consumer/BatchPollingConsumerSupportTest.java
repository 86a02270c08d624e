package io.camelinference.common.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The polling-consumer base on a fake service-side cursor: commit only on completion, poison items skipped. */
class BatchPollingConsumerSupportTest {

    /** A stream of items behind a cursor, as Communications Mining's streams are. */
    static final class FakeStream {
        final List<String> items = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
        int cursor;
        final List<Integer> commits = new CopyOnWriteArrayList<>();
        final List<String> reported = new CopyOnWriteArrayList<>();
    }

    static final class StreamConsumer extends BatchPollingConsumerSupport<String> {
        private final FakeStream stream;

        StreamConsumer(DefaultEndpoint endpoint, Processor processor, FakeStream stream, int maxAttempts) {
            super(endpoint, processor, maxAttempts);
            this.stream = stream;
            setStartScheduler(false);
        }

        @Override
        protected Batch<String> fetch() {
            int end = Math.min(stream.items.size(), stream.cursor + 2);
            return new Batch<>(new ArrayList<>(stream.items.subList(stream.cursor, end)), false, end);
        }

        @Override
        protected void describe(Exchange exchange, String item) {
            exchange.getMessage().setBody(item);
        }

        @Override
        protected String itemId(String item) {
            return item;
        }

        @Override
        protected void commit(Batch<String> batch) {
            stream.cursor = (Integer) batch.cursor();
            stream.commits.add(stream.cursor);
        }

        @Override
        protected void poisoned(String item, Exception lastError) {
            stream.reported.add(item + ": " + lastError.getMessage());
        }

        int pollOnce() throws Exception {
            return poll();
        }
    }

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final FakeStream stream = new FakeStream();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private StreamConsumer consumer;

    @BeforeEach
    void start() {
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (consumer != null) {
            consumer.stop();
        }
        camel.stop();
    }

    private StreamConsumer consumer(Processor route, int maxAttempts) throws Exception {
        DefaultComponent component = new DefaultComponent(camel) {
            @Override
            protected org.apache.camel.Endpoint createEndpoint(String uri, String remaining, Map<String, Object> p) {
                return null;
            }
        };
        DefaultEndpoint endpoint = new DefaultEndpoint("fake-stream:x", component) {
            @Override
            public Producer createProducer() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Consumer createConsumer(Processor processor) {
                throw new UnsupportedOperationException();
            }
        };
        endpoint.setCamelContext(camel);
        consumer = new StreamConsumer(endpoint, route, stream, maxAttempts);
        consumer.start();
        return consumer;
    }

    @Test
    void theCursorAdvancesOnlyAfterEveryExchangeOfTheBatchCompleted() throws Exception {
        StreamConsumer c = consumer(e -> delivered.add(e.getMessage().getBody(String.class)), 3);
        assertThat(c.pollOnce()).isEqualTo(2);
        assertThat(c.pollOnce()).isEqualTo(2);
        assertThat(c.pollOnce()).isEqualTo(1);
        assertThat(c.pollOnce()).isZero();
        assertThat(delivered).containsExactly("a", "b", "c", "d", "e");
        assertThat(stream.commits).containsExactly(2, 4, 5);
    }

    @Test
    void aFailureLeavesTheBatchUncommittedSoItComesAgainAtLeastOnce() throws Exception {
        boolean[] failOnce = {true};
        StreamConsumer c = consumer(e -> {
            String item = e.getMessage().getBody(String.class);
            if (item.equals("b") && failOnce[0]) {
                failOnce[0] = false;
                throw new IllegalStateException("route failed on b");
            }
            delivered.add(item);
        }, 3);
        c.pollOnce();
        assertThat(stream.commits).isEmpty();
        assertThat(c.attempts("b")).isEqualTo(1);
        c.pollOnce();
        assertThat(stream.commits).containsExactly(2);
        assertThat(delivered).containsExactly("a", "a", "b");
        assertThat(c.attempts("b")).isZero();
    }

    @Test
    void anItemFailingMaxAttemptsTimesIsReportedAndSkippedSoTheStreamMovesOn() throws Exception {
        StreamConsumer c = consumer(e -> {
            if (e.getMessage().getBody(String.class).equals("c")) {
                throw new IllegalStateException("poison");
            }
            delivered.add(e.getMessage().getBody(String.class));
        }, 2);
        c.pollOnce(); // a, b
        c.pollOnce(); // c fails (1)
        c.pollOnce(); // c fails (2): reported, batch committed
        c.pollOnce(); // e
        assertThat(stream.reported).containsExactly("c: poison");
        assertThat(stream.commits).containsExactly(2, 4, 5);
        assertThat(delivered).containsExactly("a", "b", "d", "d", "e");
    }
}
