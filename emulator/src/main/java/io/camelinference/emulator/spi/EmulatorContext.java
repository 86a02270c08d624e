package io.camelinference.emulator.spi;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;

/** What the core offers a provider. One instance per provider; routes registered here belong to it. */
public interface EmulatorContext {

    /**
     * Registers a route whose calls the provider authenticates ({@link EmulatorProvider#authenticate} runs before the
     * handler); {@code template} segments like {@code {modelId}} are path variables.
     */
    void route(String method, String template, RouteHandler handler);

    /**
     * Registers a route that takes no credentials: a signed link that carries its own authorisation, or a public
     * resource such as a sample image. It is counted and faulted like any other provider route.
     */
    void publicRoute(String method, String template, RouteHandler handler);

    /** The API key clients must present (each provider checks it in its own way, in its authenticate hook). */
    String apiKey();

    /** How long "slow" models take before their jobs finish. */
    long slowModelMillis();

    /** e.g. {@code http://127.0.0.1:8787}; valid once the server is started (routes run after that). */
    String baseUrl();

    JobRegistry jobs();

    /** Records billed units and their cost for this provider. */
    default void bill(long units, BigDecimal cost) {
        bill(units, cost, null);
    }

    /**
     * Records billed units and their cost, and what was billed: a digest of the input (see {@link #digest}), so the
     * stats can tell the same input billed twice ({@code duplicateBilled}) from two inputs billed once each.
     */
    void bill(long units, BigDecimal cost, String subject);

    /**
     * Adds to a named count of the provider's, shown under {@code counts} in the stats: what a call count alone does not
     * tell, e.g. how many task ids the batched status calls asked about.
     */
    void count(String what, long n);

    /** A short stable digest of some input, for {@link #bill(long, BigDecimal, String)}. */
    static String digest(byte[]... parts) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
                sha.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A per-emulator scratch directory, deleted at close. */
    Path tempDir();

    ScheduledExecutorService scheduler();

    /** True when the absolute URL points at this emulator (same host loopback and port). */
    boolean isLocalUrl(String url);

    /** POSTs JSON to a URL on this emulator, asynchronously and best effort (for webhooks/callbacks). */
    void postJson(String url, JsonNode body);
}
