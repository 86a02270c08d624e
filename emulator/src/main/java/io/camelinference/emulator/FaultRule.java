package io.camelinference.emulator;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.JobFault;

/**
 * One fault-injection rule. All fields are optional; {@code null} means "not set".
 *
 * <p>Matching: {@code provider} (exact), {@code method} (case-insensitive), {@code path} (glob on the actual request path:
 * {@code *} within a segment, {@code **} across segments). A rule applies to the next {@code count} matching requests
 * (default unlimited), each with probability {@code rate} (default 1, deterministic seeded random).
 *
 * <p>Effects: {@code latencyMs} delays the answer; {@code status} answers that status with the provider's error body
 * ({@code retryAfter} adds a {@code Retry-After} header, in seconds); {@code drop} closes the connection without an
 * answer; {@code malformed} answers 200 with invalid JSON. With {@code afterProcessing} the real handler runs first (so
 * the call is billed and jobs are created) and its answer is then replaced by the fault. A rule with {@code job}
 * ({@code error} or {@code never}) does not change any answer: jobs created by matching requests while it is active fail,
 * or never finish.
 */
public record FaultRule(String provider, String method, String path, Integer status, Integer retryAfter, Long latencyMs,
                        boolean drop, boolean malformed, JobFault job, boolean afterProcessing, Integer count,
                        Double rate) {

    private static final Set<String> FIELDS = Set.of("provider", "method", "path", "status", "retryAfter", "latencyMs",
            "drop", "malformed", "job", "afterProcessing", "count", "rate");

    public FaultRule {
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        if (rate != null && (rate < 0 || rate > 1)) {
            throw new IllegalArgumentException("rate must be 0..1: " + rate);
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        if (retryAfter != null && retryAfter < 0) {
            throw new IllegalArgumentException("retryAfter must be >= 0: " + retryAfter);
        }
        if (latencyMs != null && latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must be >= 0: " + latencyMs);
        }
        if (method != null) {
            method = method.toUpperCase(Locale.ROOT);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Shortcut: answer {@code status} instead of handling. */
    public static FaultRule status(int status) {
        return builder().status(status).build();
    }

    /** True for a rule that only affects jobs ({@code job} set). */
    public boolean isJobRule() {
        return job != null;
    }

    /** Parses one rule object, rejecting unknown fields. */
    public static FaultRule fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a fault rule must be a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown fault rule field \"" + f + "\"; known: " + new java.util.TreeSet<>(FIELDS));
            }
        }
        Builder b = builder();
        b.provider(text(n, "provider"));
        b.method(text(n, "method"));
        b.path(text(n, "path"));
        if (has(n, "status")) {
            b.status(intField(n, "status"));
        }
        if (has(n, "retryAfter")) {
            b.retryAfter(intField(n, "retryAfter"));
        }
        if (has(n, "latencyMs")) {
            b.latencyMs(intField(n, "latencyMs"));
        }
        b.drop(bool(n, "drop"));
        b.malformed(bool(n, "malformed"));
        b.job(JobFault.parse(text(n, "job")));
        b.afterProcessing(bool(n, "afterProcessing"));
        if (has(n, "count")) {
            b.count(intField(n, "count"));
        }
        if (has(n, "rate")) {
            JsonNode r = n.get("rate");
            if (!r.isNumber()) {
                throw new IllegalArgumentException("rate must be a number 0..1");
            }
            b.rate(r.asDouble());
        }
        return b.build();
    }

    public static FaultRule fromJson(String json) {
        return fromJson(Json.parseOrThrow(json));
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        if (provider != null) {
            n.put("provider", provider);
        }
        if (method != null) {
            n.put("method", method);
        }
        if (path != null) {
            n.put("path", path);
        }
        if (status != null) {
            n.put("status", status);
        }
        if (retryAfter != null) {
            n.put("retryAfter", retryAfter);
        }
        if (latencyMs != null) {
            n.put("latencyMs", latencyMs);
        }
        if (drop) {
            n.put("drop", true);
        }
        if (malformed) {
            n.put("malformed", true);
        }
        if (job != null) {
            n.put("job", job.jsonName());
        }
        if (afterProcessing) {
            n.put("afterProcessing", true);
        }
        if (count != null) {
            n.put("count", count);
        }
        if (rate != null) {
            n.put("rate", rate);
        }
        return n;
    }

    @Override
    public String toString() {
        return Json.string(toJson());
    }

    private static boolean has(JsonNode n, String f) {
        return n.has(f) && !n.get(f).isNull();
    }

    private static String text(JsonNode n, String f) {
        if (!has(n, f)) {
            return null;
        }
        if (!n.get(f).isTextual()) {
            throw new IllegalArgumentException(f + " must be a string");
        }
        return n.get(f).asText();
    }

    private static int intField(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException(f + " must be an integer");
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode n, String f) {
        if (!has(n, f)) {
            return false;
        }
        if (!n.get(f).isBoolean()) {
            throw new IllegalArgumentException(f + " must be true or false");
        }
        return n.get(f).asBoolean();
    }

    /** Fluent builder. */
    public static final class Builder {
        private String provider;
        private String method;
        private String path;
        private Integer status;
        private Integer retryAfter;
        private Long latencyMs;
        private boolean drop;
        private boolean malformed;
        private JobFault job;
        private boolean afterProcessing;
        private Integer count;
        private Double rate;

        public Builder provider(String v) {
            provider = v;
            return this;
        }

        public Builder method(String v) {
            method = v;
            return this;
        }

        public Builder path(String v) {
            path = v;
            return this;
        }

        public Builder status(int v) {
            status = v;
            return this;
        }

        public Builder retryAfter(int seconds) {
            retryAfter = seconds;
            return this;
        }

        public Builder latencyMs(long v) {
            latencyMs = v;
            return this;
        }

        public Builder drop(boolean v) {
            drop = v;
            return this;
        }

        public Builder malformed(boolean v) {
            malformed = v;
            return this;
        }

        public Builder job(JobFault v) {
            job = v;
            return this;
        }

        public Builder afterProcessing(boolean v) {
            afterProcessing = v;
            return this;
        }

        public Builder count(int v) {
            count = v;
            return this;
        }

        public Builder rate(double v) {
            rate = v;
            return this;
        }

        public FaultRule build() {
            return new FaultRule(provider, method, path, status, retryAfter, latencyMs, drop, malformed, job,
                    afterProcessing, count, rate);
        }
    }
}
