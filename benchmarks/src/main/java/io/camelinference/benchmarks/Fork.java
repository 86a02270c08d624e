package io.camelinference.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one scenario in a JVM of its own, with the heap the scenario is about (100,000 pending jobs in 512 MiB, eight
 * 1 GiB uploads in 64 MiB), against the parent's emulator. The child writes its report section to a file the parent
 * appends; its console output goes to the parent's.
 */
final class Fork {

    private Fork() {
    }

    static String run(String scenario, String maxHeap, Settings settings, EmulatorProcess emulator)
            throws IOException, InterruptedException {
        Path section = Files.createTempFile("benchmark-" + scenario + "-", ".md");
        try {
            List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                    BenchmarkMain.class.getName()));
            cmd.addAll(settings.given());
            cmd.addAll(List.of("--child", scenario, "--emulator", emulator.baseUrl(), "--section", section.toString()));
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            int exit = p.waitFor();
            String text = Files.readString(section, StandardCharsets.UTF_8);
            if (exit != 0 || text.isBlank()) {
                throw new IllegalStateException("the forked " + scenario + " scenario (-Xmx" + maxHeap + ") failed with"
                        + " exit code " + exit + "; see its output above");
            }
            return text;
        } finally {
            Files.deleteIfExists(section);
        }
    }
}
