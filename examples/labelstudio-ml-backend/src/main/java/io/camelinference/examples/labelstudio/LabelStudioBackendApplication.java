package io.camelinference.examples.labelstudio;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelinference.emulator.InferenceEmulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code routes/labelstudio-ml-backend.camel.yaml} as a Label Studio ML backend with Camel Main (on the
 * application's HTTP server, {@code labelstudio.backend.port}), and runs a demo that drives Label Studio: a project of
 * images and one of texts, sample tasks imported, this application registered as their ML backend, predictions
 * retrieved, counts logged and a JSON export of each project written to {@code labelstudio.outbox}.
 * <p>
 * Every service is used for real when its base URL and API key are configured ({@code -Dlabelstudio.base-url=...
 * -Dlabelstudio.api-key=...}, or LABELSTUDIO_BASE_URL and LABELSTUDIO_API_KEY, likewise for deepomatic and annolab);
 * otherwise the emulator is started in-process and the service runs on it. Stop with Ctrl+C, or let it exit once idle:
 * {@code -Dcamel.main.duration-max-idle-seconds=10}.
 */
public final class LabelStudioBackendApplication {

    private static final Logger LOG = LoggerFactory.getLogger(LabelStudioBackendApplication.class);

    private LabelStudioBackendApplication() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.load();
        Map<String, String> initial = new LinkedHashMap<>();
        InferenceEmulator emulator = null;
        if (Settings.SERVICES.stream().anyMatch(settings::emulated)) {
            emulator = InferenceEmulator.builder().port(Integer.parseInt(settings.value("emulator.port", "0"))).start();
            for (Settings.Service service : Settings.SERVICES) {
                if (settings.emulated(service)) {
                    initial.put(service.scheme() + ".base-url", emulator.baseUrl() + service.emulatorPath());
                    initial.put(service.scheme() + ".api-key", emulator.apiKey());
                    LOG.info("{} runs on the inference emulator at {}", service.scheme(), emulator.baseUrl());
                }
            }
            initial.putIfAbsent("labelstudio.demo.image-base", emulator.baseUrl() + "/_emulator/deepomatic/images");
        }
        initial.put("labelstudio.backend.url", settings.backendUrl());
        // no classpath scanning: the routes are the YAML route and the demo, added here
        Main main = new Main();
        initial.forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new LabelStudioDemo());
        try {
            main.run(args);
        } finally {
            if (emulator != null) {
                LOG.info("Emulator stats: {}", emulator.stats());
                emulator.close();
            }
        }
    }
}
