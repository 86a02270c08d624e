package io.camelinference.examples.scaleout.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelinference.examples.scaleout.ReplicaApplication;

/**
 * A replica in a JVM of its own (same class path as this one), so that it can be killed for real: {@link #kill} is
 * SIGKILL ({@code destroyForcibly}), nothing of it runs after; {@link #stop} is SIGTERM, Camel Main shuts it down
 * gracefully. Its output goes to {@code <name>.log} in the work folder, its figures to {@code <name>.json}.
 */
public final class ReplicaProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path stats;

    private ReplicaProcess(String name, Process process, Path log, Path stats) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stats = stats;
    }

    /**
     * @param properties system properties of the replica (-D)
     * @param env        environment variables added (API keys, the database password)
     */
    public static ReplicaProcess start(String name, Path work, Map<String, String> properties, Map<String, String> env) {
        Path log = work.resolve(name + ".log");
        Path stats = work.resolve(name + ".json");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dscaleout.replica=" + name, "-Dscaleout.stats-file=" + stats,
                "-Dscaleout.exit-with-pid=" + ProcessHandle.current().pid()));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReplicaApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            return new ReplicaProcess(name, builder.start(), log, stats);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start replica " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The figures the replica wrote last (every second, and on stop). */
    public Path stats() {
        return stats;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the replica stops at once, mid-batch, its claims held until their leases lapse. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: Camel Main stops the replica gracefully (it finishes its batch, writes its figures). */
    public void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
