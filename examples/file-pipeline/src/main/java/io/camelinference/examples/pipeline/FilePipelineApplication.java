package io.camelinference.examples.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.emulator.InferenceEmulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the YAML routes in {@code routes/} with Camel Main. Each service is used for real when its base URL and API key
 * are configured ({@code -Dunitypredict.base-url=... -Dunitypredict.api-key=...}, or UNITYPREDICT_BASE_URL and
 * UNITYPREDICT_API_KEY); otherwise the local emulator is started in-process and the service's routes run against it,
 * with the bundled sample files copied into their inboxes.
 * <p>
 * Stop it with Ctrl+C, or let it exit once idle: {@code -Dcamel.main.durationMaxIdleSeconds=10}.
 */
public final class FilePipelineApplication {

    private static final Logger LOG = LoggerFactory.getLogger(FilePipelineApplication.class);

    private FilePipelineApplication() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.load();
        Map<String, String> initial = new LinkedHashMap<>();
        InferenceEmulator emulator = null;
        if (!settings.emulatedServices().isEmpty()) {
            emulator = InferenceEmulator.builder().port(settings.intValue("emulator.port", 0)).start();
            LOG.info("Started the inference emulator at {} for {}", emulator.baseUrl(), settings.emulatedServices());
            for (Service service : settings.emulatedServices()) {
                initial.put(service.scheme() + ".base-url", emulator.baseUrl() + service.emulatorPath());
                initial.put(service.scheme() + ".api-key", emulator.apiKey());
                if (settings.value(service.scheme() + ".webhook-url") == null) {
                    initial.put(service.scheme() + ".webhook-url", emulator.sinkUrl(service.scheme() + "-results"));
                }
            }
        }
        for (Service service : Service.values()) {
            if (!settings.emulatedServices().contains(service)) {
                LOG.info("Using the real {} service at {}", service.scheme(), settings.value(service.scheme() + ".base-url"));
            }
        }
        SampleFiles.copyIfWanted(settings);

        Main main = new Main(FilePipelineApplication.class);
        for (Service service : Service.values()) {
            // the key is set on the component here, never as a Camel property: Camel Main lists its properties, and
            // resolves placeholders, in its DEBUG and TRACE logs without masking them
            InferenceComponentSupport component = service.newComponent();
            String base = initial.getOrDefault(service.scheme() + ".base-url", settings.value(service.scheme() + ".base-url"));
            String key = initial.remove(service.scheme() + ".api-key");
            if (key == null) {
                key = settings.value(service.scheme() + ".api-key");
            }
            if (base != null) {
                component.componentConfiguration().setBaseUrl(base);
            }
            if (key != null) {
                component.componentConfiguration().setApiKey(key);
            }
            main.bind(service.scheme(), component);
        }
        initial.forEach(main::addInitialProperty);
        try {
            main.run(args);
        } finally {
            if (emulator != null) {
                LOG.info("Emulator stats: {}", emulator.stats());
                for (Service service : settings.emulatedServices()) {
                    int delivered = emulator.sink(service.scheme() + "-results").size();
                    if (delivered > 0) {
                        LOG.info("Results delivered to the {} webhook sink: {}", service.scheme(), delivered);
                    }
                }
                emulator.close();
            }
        }
    }
}
