package io.camelinference.examples.scaleout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.jdbc.JdbcJobStoreStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this replica did: documents committed with a result, dead-lettered, skipped as already completed, left to the
 * replica running them; batches and their time; and its job store's figures (claims, jobs taken over from replicas
 * that were gone). Logged every 10 s and written as JSON to {@code scaleout.stats-file} every second and on stop (a
 * replica killed with SIGKILL leaves its last snapshot).
 */
public final class ReplicaStats extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaStats.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String replica;
    private final Path file;
    private final Supplier<JdbcJobStoreStats> store;
    private final LongAdder results = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder leftToHolder = new LongAdder();
    private final LongAdder comments = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchNanos = new LongAdder();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final CamelContext camelContext;
    private ScheduledExecutorService timer;
    private long ticks;

    public ReplicaStats(CamelContext camelContext, String replica, Path file, Supplier<JdbcJobStoreStats> store) {
        this.camelContext = camelContext;
        this.replica = replica;
        this.file = file;
        this.store = store;
    }

    /** A batch whose transaction committed: its documents' outcomes count now. */
    void committed(List<Exchange> records, long nanos) {
        for (Exchange r : records) {
            Outcome outcome = r.getProperty(Outcome.PROPERTY, Outcome.class);
            switch (outcome) {
                case RESULT -> results.increment();
                case FAILED -> {
                    failed.increment();
                    lastFailure.set(String.valueOf(r.getProperty(Outcome.REASON)));
                }
                case SKIPPED -> skipped.increment();
                case LEFT_TO_HOLDER -> leftToHolder.increment();
            }
        }
        batches.increment();
        batchNanos.add(nanos);
    }

    void comment() {
        comments.increment();
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replica", replica);
        m.put("results", results.sum());
        m.put("failed", failed.sum());
        m.put("skipped", skipped.sum());
        m.put("leftToHolder", leftToHolder.sum());
        m.put("comments", comments.sum());
        m.put("batches", batches.sum());
        m.put("batchMillis", batchNanos.sum() / 1_000_000);
        m.put("lastFailure", lastFailure.get());
        m.put("store", store.get());
        return m;
    }

    @Override
    protected void doStart() {
        timer = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "scale-out-stats");
        timer.scheduleWithFixedDelay(() -> {
            write();
            if (++ticks % 10 == 0) {
                LOG.info("Replica figures: {}", snapshot());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() {
        if (timer != null) {
            camelContext.getExecutorServiceManager().shutdownNow(timer);
        }
        write();
        LOG.info("Replica figures at stop: {}", snapshot());
    }

    private synchronized void write() {
        if (file == null) {
            return;
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), snapshot());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot write the replica figures to {}: {}", file, e.getMessage());
        }
    }
}
