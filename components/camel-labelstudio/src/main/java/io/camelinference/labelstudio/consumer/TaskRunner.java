package io.camelinference.labelstudio.consumer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.model.LabelStudioTask;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultConsumer;

/**
 * Runs the route for tasks, at most {@code maxConcurrent} at once over all requests: the others wait in a queue
 * that holds no thread. Each task starts on the runner's pool (so a route that blocks does not hold the HTTP server's
 * threads, and tasks of a request run side by side); a route that goes asynchronous gives its thread back at once.
 */
final class TaskRunner {

    private final DefaultConsumer consumer;
    private final int maxConcurrent;
    private final ExecutorService pool;
    private final Deque<Entry> waiting = new ArrayDeque<>();
    private int running;
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    TaskRunner(DefaultConsumer consumer, int maxConcurrent, ExecutorService pool) {
        this.consumer = consumer;
        this.maxConcurrent = maxConcurrent;
        this.pool = pool;
    }

    /**
     * Runs the route for the task, then gives {@code done} the finished exchange (or the failure of starting it).
     * {@code done} runs before the exchange is released and before the next waiting task is started.
     */
    void submit(LabelStudioTask task, Map<String, Object> headers, BiConsumer<Exchange, Throwable> done) {
        synchronized (this) {
            waiting.addLast(new Entry(task, headers, done));
        }
        drain();
    }

    /** A task waiting for its turn; finished exactly once, however its route ends. */
    private final class Entry implements Runnable {
        private final LabelStudioTask task;
        private final Map<String, Object> headers;
        private final BiConsumer<Exchange, Throwable> done;
        private final AtomicBoolean finished = new AtomicBoolean();

        Entry(LabelStudioTask task, Map<String, Object> headers, BiConsumer<Exchange, Throwable> done) {
            this.task = task;
            this.headers = headers;
            this.done = done;
        }

        @Override
        public void run() {
            Exchange exchange = consumer.createExchange(false);
            try {
                exchange.getMessage().setBody(task);
                exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
                exchange.setProperty(LabelStudioConstants.TASK_PROPERTY, task);
                consumer.getAsyncProcessor().process(exchange, sync -> finish(exchange, null));
            } catch (RuntimeException e) {
                // thrown before the route called back, or after it did: either way the task ends here, once
                finish(exchange, e);
            }
        }

        /** The consumer stopped before the task's turn came. */
        void refuse() {
            Exchange exchange = consumer.createExchange(false);
            finish(exchange, new IllegalStateException("the ML-backend consumer is stopping: task " + task.getId()
                    + " was not predicted"));
        }

        /** A second end (the route called back, then threw) would count the task twice and free its place twice. */
        private void finish(Exchange exchange, Throwable error) {
            if (finished.compareAndSet(false, true)) {
                TaskRunner.this.finish(task, exchange, done, error);
            }
        }
    }

    private void finish(LabelStudioTask task, Exchange exchange, BiConsumer<Exchange, Throwable> done, Throwable error) {
        try {
            Throwable failure = error != null ? error : exchange.getException();
            (failure == null ? succeeded : failed).incrementAndGet();
            done.accept(exchange, failure);
        } catch (RuntimeException e) {
            // thrown back into the route's callback it would end the task a second time: reported instead
            consumer.getExceptionHandler().handleException("labelstudio:ml-backend: handling the end of task "
                    + task.getId() + " failed", exchange, e);
        } finally {
            consumer.releaseExchange(exchange, false);
            synchronized (this) {
                running--;
            }
            drain();
        }
    }

    private void drain() {
        while (true) {
            Entry next;
            synchronized (this) {
                if (running >= maxConcurrent || waiting.isEmpty()) {
                    return;
                }
                next = waiting.pollFirst();
                running++;
            }
            try {
                pool.execute(next);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                java.util.List<Entry> refused = new java.util.ArrayList<>();
                refused.add(next);
                synchronized (this) {
                    refused.addAll(waiting);
                    waiting.clear();
                    running += refused.size() - 1;
                }
                refused.forEach(Entry::refuse);
                return;
            }
        }
    }

    synchronized int inFlight() {
        return running;
    }

    synchronized int queued() {
        return waiting.size();
    }
}
