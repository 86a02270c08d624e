package io.camelinference.common.body;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the progress of a long transfer: at most once per {@code interval} and once at the end, and only when the
 * transfer ran longer than one interval, so short uploads stay silent.
 */
public final class ProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final long DEFAULT_INTERVAL_NANOS = 10_000_000_000L;

    private final String what;
    private final long total;
    private final long intervalNanos;
    private final Consumer<String> sink;
    private final long started = System.nanoTime();
    private long lastLogged = started;
    private long done;

    public ProgressLog(String what, long total) {
        this(what, total, DEFAULT_INTERVAL_NANOS, LOG::info);
    }

    /** With an explicit interval and sink; an interval of 0 reports every step. */
    public ProgressLog(String what, long total, long intervalNanos, Consumer<String> sink) {
        this.what = what;
        this.total = total;
        this.intervalNanos = intervalNanos;
        this.sink = sink;
    }

    public void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - lastLogged >= intervalNanos) {
            lastLogged = now;
            sink.accept(what + ": " + describe(done));
        }
    }

    public void finish() {
        long elapsed = System.nanoTime() - started;
        if (elapsed >= intervalNanos) {
            sink.accept(what + ": done, " + human(done) + " in " + elapsed / 1_000_000 + " ms");
        }
    }

    public long done() {
        return done;
    }

    private String describe(long bytes) {
        if (total > 0) {
            return human(bytes) + " of " + human(total) + " (" + (bytes * 100 / total) + "%)";
        }
        return human(bytes);
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format("%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format("%.1f KiB", bytes / (double) (1L << 10));
        }
        return bytes + " B";
    }
}
