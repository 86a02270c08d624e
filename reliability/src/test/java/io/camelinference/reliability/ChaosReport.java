package io.camelinference.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/** Prints each run's figures and appends them to target/chaos-report.md, the table the README quotes. */
final class ChaosReport {

    private static final Path REPORT = Paths.get("target", "chaos-report.md");

    private ChaosReport() {
    }

    static synchronized void add(Figures figures) {
        System.out.println("CHAOS " + figures.row());
        try {
            Files.createDirectories(REPORT.getParent());
            if (!Files.exists(REPORT)) {
                Files.writeString(REPORT, Figures.header() + "\n");
            }
            Files.writeString(REPORT, figures.row() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
