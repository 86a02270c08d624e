package io.camelinference.examples.labelstudio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The configuration the application needs before Camel starts, looked up as Camel looks up property placeholders:
 * system property, then environment variable (upper case, dots and dashes as underscores), then the bundled
 * {@code application.properties}.
 */
final class Settings {

    /** The services the application uses, with where each API lives on the emulator. */
    record Service(String scheme, String emulatorPath) {
    }

    static final List<Service> SERVICES = List.of(new Service("labelstudio", ""), new Service("deepomatic", "/v0.7"),
            new Service("annolab", ""));

    private final Properties bundled;

    private Settings(Properties bundled) {
        this.bundled = bundled;
    }

    static Settings load() {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read application.properties", e);
        }
        return new Settings(properties);
    }

    String value(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = bundled.getProperty(key);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    String value(String key, String defaultValue) {
        String value = value(key);
        return value != null ? value : defaultValue;
    }

    /** A service without both a base URL and an API key runs on the emulator. */
    boolean emulated(Service service) {
        return value(service.scheme() + ".base-url") == null || value(service.scheme() + ".api-key") == null;
    }

    /** Where Label Studio reaches the ML backend this application serves. */
    String backendUrl() {
        return value("labelstudio.backend.url", "http://127.0.0.1:" + value("labelstudio.backend.port", "8090")
                + value("labelstudio.backend.context-path", "/ml"));
    }
}
