package io.camelinference.examples.scaleout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.camelinference.examples.scaleout.local.ReplicaProcess;

/** What the multi-replica tests share: their work folders under target/, liveness checks, the figures report. */
final class ScaleOutTests {

    private ScaleOutTests() {
    }

    /** Under target/, so that the replicas' logs and figures stay for a look after the run. */
    static Path work(String name) throws IOException {
        Path dir = Paths.get("target", "scale-out", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** Fails at once, with the end of its log, when a replica died on its own. */
    static boolean alive(ReplicaProcess... replicas) throws IOException {
        for (ReplicaProcess r : replicas) {
            if (!r.isAlive()) {
                List<String> log = Files.readAllLines(r.log());
                throw new AssertionError(r.name() + " stopped on its own:\n"
                        + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())));
            }
        }
        return true;
    }

    /** Prints the figures and appends them to target/scale-out/report.txt. */
    static synchronized void report(String line) throws IOException {
        System.out.println("SCALE-OUT " + line);
        Path report = Paths.get("target", "scale-out", "report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
