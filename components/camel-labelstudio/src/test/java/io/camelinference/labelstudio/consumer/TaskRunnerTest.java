package io.camelinference.labelstudio.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.labelstudio.model.LabelStudioTask;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A task ends exactly once, however its route ends: a route that calls back and then throws, or a {@code done} that
 * throws, neither counts the task twice nor frees its place twice (which would let more tasks run than allowed).
 */
class TaskRunnerTest {

    private final CamelContext context = new DefaultCamelContext();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        context.stop();
    }

    private TaskRunner runner(AsyncProcessor route) {
        context.start();
        DefaultConsumer consumer = new DefaultConsumer(context.getEndpoint("direct:tasks"), route);
        consumer.start();
        return new TaskRunner(consumer, 1, pool);
    }

    private static LabelStudioTask task(long id) {
        return new LabelStudioTask(id, 7L, Map.of("text", "t"), Map.of(), List.of(), List.of(), null, Map.of(), null);
    }

    @Test
    void aRouteThatCallsBackAndThenThrowsEndsItsTaskOnce() {
        TaskRunner runner = runner(new AsyncProcessorSupport() {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                callback.done(true);
                throw new IllegalStateException("after the callback");
            }
        });
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();

        runner.submit(task(1), Map.of(), (exchange, error) -> first.incrementAndGet());
        // one pool thread: when the second task ends, the first one's run is over
        runner.submit(task(2), Map.of(), (exchange, error) -> second.incrementAndGet());

        await().atMost(Duration.ofSeconds(5)).until(() -> second.get() > 0);
        assertThat(first.get()).isEqualTo(1);
        assertThat(runner.succeeded.get() + runner.failed.get()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> runner.inFlight() == 0);
    }

    @Test
    void aDoneThatThrowsIsReportedAndEndsItsTaskOnce() {
        TaskRunner runner = runner(new AsyncProcessorSupport() {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                callback.done(true);
                return true;
            }
        });
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();

        runner.submit(task(1), Map.of(), (exchange, error) -> {
            first.incrementAndGet();
            throw new IllegalStateException("done failed");
        });
        runner.submit(task(2), Map.of(), (exchange, error) -> second.incrementAndGet());

        await().atMost(Duration.ofSeconds(5)).until(() -> second.get() > 0);
        assertThat(first.get()).isEqualTo(1);
        assertThat(runner.succeeded.get() + runner.failed.get()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> runner.inFlight() == 0);
    }
}
