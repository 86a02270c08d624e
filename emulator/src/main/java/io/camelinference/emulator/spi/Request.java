package io.camelinference.emulator.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.QueryString;

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
    public List<String> queryValues(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            String single = query.get(name);
            return single == null ? new ArrayList<>() : new ArrayList<>(List.of(single));
        }
        return QueryString.values(rawQuery, name);
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

    /**
     * The body as a JSON object, for handlers that need one: anything else is a 400 {@link ApiError} in the provider's
     * envelope, with the parser's message for invalid JSON and {@code notAnObject} for other JSON.
     */
    public JsonNode jsonObject(String notAnObject) throws IOException {
        JsonNode body;
        try {
            body = json();
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        if (!body.isObject()) {
            throw new ApiError(400, notAnObject);
        }
        return body;
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
