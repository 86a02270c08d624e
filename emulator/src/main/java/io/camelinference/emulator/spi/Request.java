package io.camelinference.emulator.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

import io.camelinference.emulator.internal.Json;

/** One incoming call as a route handler sees it. */
public final class Request {

    private final String provider;
    private final String method;
    private final String path;
    private final Map<String, String> vars;
    private final Map<String, String> query;
    private final Headers headers;
    private final InputStream body;
    private final String baseUrl;
    private final Supplier<JobFault> jobFaultLookup;
    private final String rawQuery;
    private boolean jobFaultLooked;
    private JobFault jobFault;
    private JsonNode json;

    public Request(String provider, String method, String path, Map<String, String> vars, Map<String, String> query,
                   Headers headers, InputStream body, String baseUrl, Supplier<JobFault> jobFaultLookup) {
        this(provider, method, path, vars, query, headers, body, baseUrl, jobFaultLookup, null);
    }

    /** As above, keeping the raw query string so that repeated parameters can be read ({@link #queryValues}). */
    public Request(String provider, String method, String path, Map<String, String> vars, Map<String, String> query,
                   Headers headers, InputStream body, String baseUrl, Supplier<JobFault> jobFaultLookup,
                   String rawQuery) {
        this.rawQuery = rawQuery;
        this.provider = provider;
        this.method = method;
        this.path = path;
        this.vars = vars;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.baseUrl = baseUrl;
        this.jobFaultLookup = jobFaultLookup;
    }

    public String provider() {
        return provider;
    }

    public String method() {
        return method;
    }

    /** The raw request path (without query). */
    public String path() {
        return path;
    }

    /** A decoded path variable of the route template. */
    public String var(String name) {
        return vars.get(name);
    }

    public Map<String, String> vars() {
        return vars;
    }

    /** The first value of a query parameter. */
    public String query(String name) {
        return query.get(name);
    }

    /**
     * Every value of a repeated query parameter, in order ({@code ?task_ids=1&task_ids=2}); empty when absent.
     */
    public java.util.List<String> queryValues(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            String single = query.get(name);
            if (single != null) {
                out.add(single);
            }
            return out;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? part : part.substring(0, eq),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (k.equals(name)) {
                out.add(eq < 0 ? "" : java.net.URLDecoder.decode(part.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    public Headers headers() {
        return headers;
    }

    /** The request body as a stream (for large uploads: stream it, do not buffer it). */
    public InputStream body() {
        return body;
    }

    /** Largest body {@link #bodyBytes()} reads into memory. */
    public static final int MAX_BUFFERED_BODY = 32 * 1024 * 1024;

    /**
     * The whole body in memory, for small JSON bodies.
     *
     * @throws IllegalArgumentException when it is larger than {@link #MAX_BUFFERED_BODY}
     */
    public byte[] bodyBytes() throws IOException {
        byte[] b = body.readNBytes(MAX_BUFFERED_BODY + 1);
        if (b.length > MAX_BUFFERED_BODY) {
            throw new IllegalArgumentException("The request body is larger than " + MAX_BUFFERED_BODY + " bytes.");
        }
        return b;
    }

    /**
     * The body parsed as JSON; an empty body gives an empty object.
     *
     * @throws IllegalArgumentException with a readable message when the body is not JSON or too large
     */
    public JsonNode json() throws IOException {
        if (json == null) {
            byte[] b = bodyBytes();
            json = Json.parseOrThrow(b);
        }
        return json;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The job fault for a job this request creates, if an active {@code job} fault rule matches; consumes one use of the
     * rule. Call it only when the request really creates a job; the answer is cached for the request.
     */
    public JobFault jobFault() {
        if (!jobFaultLooked) {
            jobFaultLooked = true;
            jobFault = jobFaultLookup == null ? null : jobFaultLookup.get();
        }
        return jobFault;
    }
}
