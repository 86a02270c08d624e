package io.camelinference.common.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keeps job state in a local file, so a restarted JVM resumes the jobs its messages started. The file is a log of
 * writes and removals (one line each, flushed before the call returns); it is read back at start and rewritten with only
 * the live entries once removals and expired entries make up most of it, so it stays as small as the pending work.
 */
public final class FileJobStore extends MemoryJobStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileJobStore.class);

    private final Path file;
    private BufferedWriter log;
    private long linesInLog;

    public FileJobStore(Path file, Duration timeToLive) {
        this(file, timeToLive, Clock.systemUTC());
    }

    public FileJobStore(Path file, Duration timeToLive, Clock clock) {
        super(timeToLive, clock);
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void start() {
        if (log != null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    replay(line);
                }
                linesInLog = lines.size();
            }
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the job store file " + file, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the job store file " + file, e);
            } finally {
                log = null;
            }
        }
    }

    @Override
    protected synchronized void written(String key, Entry entry) {
        append("P " + entry.writtenAt() + " " + enc(key) + " " + enc(entry.value()));
    }

    @Override
    protected synchronized void removed(String key) {
        append("R " + enc(key));
        if (linesInLog > 1000 && linesInLog > 2L * entries().size()) {
            try {
                compact();
            } catch (UncheckedIOException e) {
                // the removal is logged; a longer log is no reason to fail it
                LOG.warn("{}; the store goes on with its current log and compacts it later", e.getMessage());
            }
        }
    }

    private void append(String line) {
        if (log == null) {
            start();
        }
        try {
            log.write(line);
            log.newLine();
            log.flush();
            linesInLog++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the job store file " + file, e);
        }
    }

    /**
     * Rewrites the file with the live entries only, atomically (write a temporary file, then move it). The log in use
     * is swapped only once the new file is in place: a compaction that fails (a full disk) leaves the store writing
     * to the old log, and it is tried again with the next removal.
     */
    private void compact() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        long lines = 0;
        try {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, Entry> e : entries().entrySet()) {
                    out.write("P " + e.getValue().writtenAt() + " " + enc(e.getKey()) + " " + enc(e.getValue().value()));
                    out.newLine();
                    lines++;
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the compaction's own failure is what matters
            }
            throw new UncheckedIOException("Cannot compact the job store file " + file, e);
        }
        BufferedWriter old = log;
        try {
            log = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log = null; // the next write opens it again
            throw new UncheckedIOException("Cannot open the job store file " + file, e);
        } finally {
            closeQuietly(old);
        }
        linesInLog = lines;
    }

    private static void closeQuietly(BufferedWriter writer) {
        if (writer != null) {
            try {
                writer.close(); // the file it wrote to was replaced: what it holds is in the new one
            } catch (IOException ignored) {
                // nothing left to lose
            }
        }
    }

    private void replay(String line) {
        String[] parts = line.split(" ");
        try {
            if (parts.length == 4 && parts[0].equals("P")) {
                load(dec(parts[2]), dec(parts[3]), Long.parseLong(parts[1]));
            } else if (parts.length == 2 && parts[0].equals("R")) {
                entries().remove(dec(parts[1]));
            }
        } catch (RuntimeException torn) {
            // a line cut short by a crash mid-write: the write it describes never completed
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
