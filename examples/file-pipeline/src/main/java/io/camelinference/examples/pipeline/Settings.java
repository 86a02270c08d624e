package io.camelinference.examples.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The configuration the application needs before Camel starts, looked up as Camel looks up property placeholders:
 * system property, then environment variable (upper case, dots and dashes as underscores), then the bundled
 * {@code application.properties}.
 */
final class Settings {

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

    int intValue(String key, int defaultValue) {
        String value = value(key);
        return value != null ? Integer.parseInt(value) : defaultValue;
    }

    /** Services without both a base URL and an API key run against the emulator. */
    Set<Service> emulatedServices() {
        Set<Service> emulated = EnumSet.noneOf(Service.class);
        for (Service service : Service.values()) {
            if (value(service.scheme() + ".base-url") == null || value(service.scheme() + ".api-key") == null) {
                emulated.add(service);
            }
        }
        return emulated;
    }
}
