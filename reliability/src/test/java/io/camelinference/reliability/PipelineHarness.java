package io.camelinference.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.camelinference.annolab.AnnoLabComponent;
import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.deepomatic.DeepomaticComponent;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.unitypredict.UnityPredictComponent;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import static org.awaitility.Awaitility.await;

/**
 * Runs one of the shipped file pipelines (routes/*.camel.yaml, unchanged) in a Camel context of its own against an
 * emulator, feeds it input files and counts what came out: results in the outbox, inputs in the error folder with the
 * exception that sent them there, and how often each result was written.
 */
final class PipelineHarness implements AutoCloseable {

    /** The three file pipelines and what they need. */
    enum Pipeline {
        UNITYPREDICT("unitypredict", "unitypredict-file-pipeline.camel.yaml", "/api", ".json",
                UnityPredictComponent::new),
        DEEPOMATIC("deepomatic", "deepomatic-image-pipeline.camel.yaml", "/v0.7", ".json", DeepomaticComponent::new),
        ANNOLAB("annolab", "annolab-document-pipeline.camel.yaml", "", ".annotations.json", AnnoLabComponent::new);

        final String scheme;
        final String route;
        final String apiPath;
        final String resultSuffix;
        final Supplier<InferenceComponentSupport> component;

        Pipeline(String scheme, String route, String apiPath, String resultSuffix,
                 Supplier<InferenceComponentSupport> component) {
            this.scheme = scheme;
            this.route = route;
            this.apiPath = apiPath;
            this.resultSuffix = resultSuffix;
            this.component = component;
        }
    }

    private final Pipeline pipeline;
    private final Path inbox;
    private final Path outbox;
    private final Path error;
    private final Path state;
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
    private final long started = System.nanoTime();

    PipelineHarness(Pipeline pipeline, InferenceEmulator emulator, Path work, Map<String, Object> componentOptions)
            throws Exception {
        this(pipeline, emulator, work, componentOptions, emulator.apiKey());
    }

    /** As the other constructor, with the component configured with this key instead of the emulator's. */
    PipelineHarness(Pipeline pipeline, InferenceEmulator emulator, Path work, Map<String, Object> componentOptions,
                    String apiKey) throws Exception {
        this.pipeline = pipeline;
        this.inbox = Files.createDirectories(work.resolve("inbox"));
        this.outbox = Files.createDirectories(work.resolve("outbox"));
        this.error = Files.createDirectories(work.resolve("error"));
        this.state = Files.createDirectories(work.resolve("state"));
        String base = emulator.baseUrl() + pipeline.apiPath;
        Properties p = new Properties();
        p.setProperty(pipeline.scheme + ".inbox", inbox.toString());
        p.setProperty(pipeline.scheme + ".outbox", outbox.toString());
        p.setProperty(pipeline.scheme + ".error", error.toString());
        camel.getPropertiesComponent().setInitialProperties(p);

        InferenceComponentSupport component = pipeline.component.get();
        InferenceConfiguration c = component.componentConfiguration();
        c.setBaseUrl(base);
        c.setApiKey(apiKey);
        c.setJobStoreFile(state.resolve(pipeline.scheme + ".jobs").toString());
        c.setRetryInitialDelay(100);
        c.setPollInitialDelay(100);
        c.setPollMaxInterval(500);
        PropertyOptions.apply(camel, c, componentOptions);
        camel.addComponent(pipeline.scheme, component);
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSentEvent sent
                        && sent.getEndpoint().getEndpointUri().startsWith("file://" + outbox)) {
                    String name = sent.getExchange().getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
                    if (name != null) {
                        writes.computeIfAbsent(Paths.get(name).getFileName().toString(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }
            }
        });
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel,
                "file:" + Paths.get(System.getProperty("routes.dir", "../routes")).resolve(pipeline.route)
                        .toAbsolutePath()));
        camel.getShutdownStrategy().setTimeout(5);
        camel.start();
    }

    /** Moves the files into the inbox (a move, so the file consumer never sees half a file). */
    void drop(List<Path> files) throws IOException {
        for (Path f : files) {
            Files.move(f, inbox.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Waits until every input is either delivered or dead-lettered, at most {@code timeout}. */
    void awaitSettled(int inputs, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .conditionEvaluationListener(c -> {
                        if (c.getElapsedTimeInMS() / 250 % 40 == 0) {
                            System.out.printf("%s after %d s: %d delivered, %d dead-lettered, %d in the inbox%n",
                                    pipeline.scheme, c.getElapsedTimeInMS() / 1000, delivered(),
                                    deadLettered().values().stream().mapToInt(Integer::intValue).sum(), list(inbox).filter(Files::isRegularFile).count());
                        }
                    })
                    .until(() -> delivered() + deadLettered().values().stream().mapToInt(Integer::intValue).sum()
                            >= inputs && isEmpty(inbox));
        } catch (org.awaitility.core.ConditionTimeoutException notSettled) {
            // what did not settle is counted as lost in the figures
        }
    }

    Figures figures(String scenario, int inputs, long billed, long duplicateBilled) {
        int delivered = delivered();
        Map<String, Integer> dead = deadLettered();
        int lost = Math.max(0, inputs - delivered - dead.values().stream().mapToInt(Integer::intValue).sum());
        int duplicates = writes.values().stream().mapToInt(a -> Math.max(0, a.get() - 1)).sum();
        return new Figures(pipeline.scheme, scenario, inputs, delivered, dead, lost, duplicates, billed, duplicateBilled,
                (System.nanoTime() - started) / 1e9);
    }

    int delivered() {
        return (int) list(outbox).filter(f -> f.getFileName().toString().endsWith(pipeline.resultSuffix)).count();
    }

    /** Dead-lettered inputs by the class of the exception that sent them to the error folder. */
    Map<String, Integer> deadLettered() {
        Map<String, Integer> reasons = new HashMap<>();
        list(error).filter(f -> f.getFileName().toString().endsWith(".error.txt")).forEach(f -> {
            String reason;
            try {
                String text = Files.readString(f);
                int colon = text.indexOf(':');
                reason = (colon > 0 ? text.substring(0, colon) : text).strip();
                reason = reason.substring(reason.lastIndexOf('.') + 1);
            } catch (IOException e) {
                reason = "unreadable";
            }
            reasons.merge(reason, 1, Integer::sum);
        });
        return reasons;
    }

    /** The reasons written for the dead-lettered inputs, whole. */
    List<String> deadLetterTexts() {
        return list(error).filter(f -> f.getFileName().toString().endsWith(".error.txt")).map(f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No input left: files only (a pipeline may move what it processed into a folder such as .done). */
    private static boolean isEmpty(Path dir) {
        return list(dir).noneMatch(Files::isRegularFile);
    }

    @Override
    public void close() {
        camel.stop();
    }
}
