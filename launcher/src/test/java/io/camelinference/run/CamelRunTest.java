package io.camelinference.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.camelinference.emulator.InferenceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher runs a shipped route file as it is, configured only by command-line properties and a properties file
 * (the key), against the emulator, and stops by itself with Camel Main's settings.
 */
class CamelRunTest {

    private static final String KEY = "key-from-a-properties-file";
    private static final Path ROUTES = Path.of("../routes");
    private static InferenceEmulator emulator;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulator() {
        emulator = InferenceEmulator.builder().apiKey(KEY).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void aShippedRouteFileRunsOnTheEmulatorWithoutCode() throws Exception {
        Path secrets = Files.writeString(work.resolve("secrets.properties"),
                "camel.component.unitypredict.api-key = " + KEY + "\n");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("letter.txt"), "The supplier confirms delivery of 40 units on 3 March. "
                + "Payment is due within 30 days of the invoice date.");

        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return CamelRun.run(ROUTES.resolve("unitypredict-file-pipeline.camel.yaml").toString(),
                        "--properties", secrets.toString(),
                        "--prop", "camel.component.unitypredict.base-url=" + emulator.baseUrl() + "/api",
                        "--prop", "unitypredict.inbox=" + inbox,
                        "--prop", "unitypredict.outbox=" + work.resolve("outbox"),
                        "--prop", "unitypredict.error=" + work.resolve("error"),
                        "--prop", "camel.main.durationMaxMessages=1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(run::isDone);
        assertThat(run.get()).isZero();
        Path result = work.resolve("outbox/letter.json");
        assertThat(result).exists();
        assertThat(Files.readString(result)).contains("Completed");
        assertThat(work.resolve("outbox/letter")).isDirectoryContaining(p -> p.toString().endsWith(".txt"));
        assertThat(work.resolve("error")).doesNotExist();
    }

    @Test
    void aRouteDeclaringADependencyTheLauncherLacksIsRefusedBeforeCamelStarts() throws Exception {
        Path route = Files.writeString(work.resolve("other.camel.yaml"), """
                # camel-k: dependency=mvn:io.camelinference:camel-unitypredict:0.1.0-SNAPSHOT
                # //DEPS com.example:camel-not-here:1.0
                - route:
                    from:
                      uri: "timer:tick"
                      steps:
                        - to: "log:tick"
                """);

        assertThat(RouteDependencies.declared(java.util.List.of(route)))
                .containsExactly("io.camelinference:camel-unitypredict", "com.example:camel-not-here");
        assertThat(CamelRun.run(route.toString())).isEqualTo(2);
    }

    @Test
    void theShippedRoutesDeclareTheArtifactsTheyUseAndTheLauncherHasThem() throws Exception {
        try (var files = Files.list(ROUTES)) {
            for (Path route : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                var declared = RouteDependencies.declared(java.util.List.of(route));
                String text = Files.readString(route);
                for (String scheme : java.util.List.of("unitypredict", "deepomatic", "annolab", "commsmining",
                        "labelstudio")) {
                    if (text.contains("uri: \"" + scheme + ":")) {
                        assertThat(declared).as(route.toString()).contains("io.camelinference:camel-" + scheme);
                    }
                }
                assertThat(RouteDependencies.missing(declared, getClass().getClassLoader())).as(route.toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void aWrongCommandLineIsRefusedWithTheUsage() throws Exception {
        assertThat(CamelRun.run("--prop")).isEqualTo(2);
        assertThat(CamelRun.run("--nope", "x.yaml")).isEqualTo(2);
        assertThat(CamelRun.run(work.resolve("missing.yaml").toString())).isEqualTo(2);
    }
}
