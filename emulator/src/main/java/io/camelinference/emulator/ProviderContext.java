package io.camelinference.emulator;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.internal.Router;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.JobRegistry;
import io.camelinference.emulator.spi.RouteHandler;

/** What the emulator offers one provider: its routes are registered under its name, its billing counted for it. */
final class ProviderContext implements EmulatorContext {

    private final String provider;
    private final InferenceEmulator emulator;
    private final Router router;
    private final CallbackClient callbacks;

    ProviderContext(String provider, InferenceEmulator emulator, Router router, CallbackClient callbacks) {
        this.provider = provider;
        this.emulator = emulator;
        this.router = router;
        this.callbacks = callbacks;
    }

    @Override
    public void route(String method, String template, RouteHandler handler) {
        router.add(provider, method, template, handler, Router.Access.AUTHENTICATED);
    }

    @Override
    public void publicRoute(String method, String template, RouteHandler handler) {
        router.add(provider, method, template, handler, Router.Access.PUBLIC);
    }

    @Override
    public String apiKey() {
        return emulator.apiKey();
    }

    @Override
    public long slowModelMillis() {
        return emulator.slowModelMillis();
    }

    @Override
    public String baseUrl() {
        return emulator.baseUrl();
    }

    @Override
    public JobRegistry jobs() {
        return emulator.jobs();
    }

    @Override
    public void bill(long units, BigDecimal cost, String subject) {
        emulator.stats().bill(provider, units, cost, subject);
    }

    @Override
    public void count(String what, long n) {
        emulator.stats().count(provider, what, n);
    }

    @Override
    public Path tempDir() {
        return emulator.tempDir();
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return emulator.scheduler();
    }

    @Override
    public boolean isLocalUrl(String url) {
        try {
            URI u = URI.create(url);
            String host = u.getHost();
            return "http".equalsIgnoreCase(u.getScheme()) && host != null
                    && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost"))
                    && u.getPort() == emulator.port();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void postJson(String url, JsonNode body) {
        callbacks.postJson(url, body);
    }
}
