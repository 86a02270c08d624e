package io.camelinference.emulator.labelstudio;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;

/**
 * How the emulated Label Studio times its calls to ML backends and how long its tokens live. The defaults are Label
 * Studio's own ({@code ML_CONNECTION_TIMEOUT} 1 s, {@code ML_TIMEOUT_HEALTH} 1 s, {@code ML_TIMEOUT_SETUP} 3 s,
 * {@code ML_TIMEOUT_PREDICT} 100 s, which also bounds the training webhook; access tokens of 5 minutes). Tests shorten
 * them with the builder methods, or at run time with {@code POST /_emulator/labelstudio/settings}, so that a predict
 * timeout can be shown without waiting 100 s.
 */
public final class LabelStudioSettings {

    private volatile Duration connectTimeout = Duration.ofSeconds(1);
    private volatile Duration healthTimeout = Duration.ofSeconds(1);
    private volatile Duration setupTimeout = Duration.ofSeconds(3);
    private volatile Duration predictTimeout = Duration.ofSeconds(100);
    private volatile Duration trainTimeout = Duration.ofSeconds(100);
    private volatile Duration accessTokenLifetime = Duration.ofMinutes(5);
    private volatile Duration personalTokenLifetime = Duration.ofDays(200);

    /** Label Studio's defaults. */
    public static LabelStudioSettings defaults() {
        return new LabelStudioSettings();
    }

    public LabelStudioSettings connectTimeout(Duration d) {
        this.connectTimeout = positive(d, "connectTimeout");
        return this;
    }

    public LabelStudioSettings healthTimeout(Duration d) {
        this.healthTimeout = positive(d, "healthTimeout");
        return this;
    }

    public LabelStudioSettings setupTimeout(Duration d) {
        this.setupTimeout = positive(d, "setupTimeout");
        return this;
    }

    public LabelStudioSettings predictTimeout(Duration d) {
        this.predictTimeout = positive(d, "predictTimeout");
        return this;
    }

    public LabelStudioSettings trainTimeout(Duration d) {
        this.trainTimeout = positive(d, "trainTimeout");
        return this;
    }

    public LabelStudioSettings accessTokenLifetime(Duration d) {
        this.accessTokenLifetime = positive(d, "accessTokenLifetime");
        return this;
    }

    public LabelStudioSettings personalTokenLifetime(Duration d) {
        this.personalTokenLifetime = positive(d, "personalTokenLifetime");
        return this;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration healthTimeout() {
        return healthTimeout;
    }

    Duration setupTimeout() {
        return setupTimeout;
    }

    Duration predictTimeout() {
        return predictTimeout;
    }

    Duration trainTimeout() {
        return trainTimeout;
    }

    Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    Duration personalTokenLifetime() {
        return personalTokenLifetime;
    }

    /** The settings in milliseconds, as the control API shows them. */
    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("connectTimeoutMillis", connectTimeout.toMillis());
        n.put("healthTimeoutMillis", healthTimeout.toMillis());
        n.put("setupTimeoutMillis", setupTimeout.toMillis());
        n.put("predictTimeoutMillis", predictTimeout.toMillis());
        n.put("trainTimeoutMillis", trainTimeout.toMillis());
        n.put("accessTokenLifetimeMillis", accessTokenLifetime.toMillis());
        n.put("personalTokenLifetimeMillis", personalTokenLifetime.toMillis());
        return n;
    }

    /** Applies the fields present in a control-API body (milliseconds); unknown fields are refused. */
    void update(JsonNode body) {
        body.fieldNames().forEachRemaining(field -> {
            JsonNode v = body.get(field);
            if (!v.canConvertToLong() || v.asLong() <= 0) {
                throw new ApiError(400, field + " must be a positive number of milliseconds");
            }
            Duration d = Duration.ofMillis(v.asLong());
            switch (field) {
                case "connectTimeoutMillis" -> connectTimeout(d);
                case "healthTimeoutMillis" -> healthTimeout(d);
                case "setupTimeoutMillis" -> setupTimeout(d);
                case "predictTimeoutMillis" -> predictTimeout(d);
                case "trainTimeoutMillis" -> trainTimeout(d);
                case "accessTokenLifetimeMillis" -> accessTokenLifetime(d);
                case "personalTokenLifetimeMillis" -> personalTokenLifetime(d);
                default -> throw new ApiError(400, "Unknown setting " + field + "; known: " + toJson().properties()
                        .stream().map(java.util.Map.Entry::getKey).toList());
            }
        });
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
