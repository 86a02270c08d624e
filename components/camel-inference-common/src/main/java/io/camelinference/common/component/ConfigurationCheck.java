package io.camelinference.common.component;

import java.net.URI;

/**
 * Checks every shared option when an endpoint is created, before any message (and anything billed) is sent. Duration
 * options that are not durations ({@code waitTimeout=abc}) reach here as 0 ms, so each has a minimum that 0 fails.
 */
public final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    /** @throws IllegalArgumentException naming the option, its value and what is expected */
    public static void validate(InferenceConfiguration c, String scheme) {
        baseUrl(c.getBaseUrl(), scheme);
        atLeast(scheme, "connectTimeout", c.getConnectTimeout(), 1);
        atLeast(scheme, "responseTimeout", c.getResponseTimeout(), 100);
        atLeast(scheme, "requestTimeout", c.getRequestTimeout(), 100);
        atLeast(scheme, "transferTimeout", c.getTransferTimeout(), 1000);
        atLeast(scheme, "connectionRequestTimeout", c.getConnectionRequestTimeout(), 1);
        count(scheme, "maxConnections", c.getMaxConnections(), 1, 10_000);
        count(scheme, "maxInFlight", c.getMaxInFlight(), 0, 100_000);
        count(scheme, "maxRetries", c.getMaxRetries(), 0, 100);
        atLeast(scheme, "retryInitialDelay", c.getRetryInitialDelay(), 1);
        atLeast(scheme, "retryMaxDelay", c.getRetryMaxDelay(), c.getRetryInitialDelay(), "retryInitialDelay");
        atLeast(scheme, "maxRetryAfter", c.getMaxRetryAfter(), 0);
        atLeast(scheme, "maxRateLimitWait", c.getMaxRateLimitWait(), 0);
        atLeast(scheme, "pollInitialDelay", c.getPollInitialDelay(), 10);
        atLeast(scheme, "pollMaxInterval", c.getPollMaxInterval(), 100);
        atLeast(scheme, "pollMaxInterval", c.getPollMaxInterval(), c.getPollInitialDelay(), "pollInitialDelay");
        atLeast(scheme, "waitTimeout", c.getWaitTimeout(), 1000);
        count(scheme, "maxStatusChecksPerSecond", c.getMaxStatusChecksPerSecond(), 1, 1_000_000);
        atLeast(scheme, "jobStateTtl", c.getJobStateTtl(), c.getWaitTimeout(), "waitTimeout");
        atLeast(scheme, "maxResponseSize", c.getMaxResponseSize(), 64 * 1024);
        atLeast(scheme, "maxResponseMemory", c.getMaxResponseMemory(), c.getMaxResponseSize(), "maxResponseSize");
        if (c.getSpendLimit() != null && !(c.getSpendLimit() >= 0 && c.getSpendLimit() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(scheme + " option spendLimit must be 0 or more (in the unit the service"
                    + " bills), was " + c.getSpendLimit());
        }
        atLeast(scheme, "spendPeriod", c.getSpendPeriod(), 1000);
        int stores = (c.getJobStore() != null ? 1 : 0) + (c.getJobStoreFile() != null ? 1 : 0)
                + (c.getStateRepository() != null ? 1 : 0);
        if (stores > 1) {
            throw new IllegalArgumentException(scheme + ": set only one of jobStore, jobStoreFile and stateRepository");
        }
    }

    static void baseUrl(String url, String scheme) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(scheme + " needs a baseUrl: the service's API address, e.g."
                    + " https://api.example.com (set the option baseUrl or camel.component." + scheme + ".base-url)");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(scheme + " baseUrl '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException(scheme + " baseUrl '" + url + "' must be an absolute http or https URL,"
                    + " e.g. https://api.example.com");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(scheme + " baseUrl '" + url + "' must not carry a query or fragment");
        }
    }

    private static void atLeast(String scheme, String option, long millis, long minimum) {
        if (millis < minimum) {
            throw new IllegalArgumentException(scheme + " option " + option + " must be at least " + minimum
                    + " ms, was " + millis + " ms" + (millis == 0 ? " (a value that is not a duration, like 'abc',"
                    + " reads as 0; write e.g. 500, 10s or 5m)" : ""));
        }
    }

    private static void atLeast(String scheme, String option, long millis, long minimum, String other) {
        if (millis < minimum) {
            throw new IllegalArgumentException(scheme + " option " + option + " (" + millis + ") must be at least "
                    + other + " (" + minimum + ")");
        }
    }

    private static void count(String scheme, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(scheme + " option " + option + " must be " + min + " to " + max
                    + ", was " + value);
        }
    }
}
