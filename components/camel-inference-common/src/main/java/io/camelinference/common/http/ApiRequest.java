package io.camelinference.common.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelinference.common.body.RequestBody;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.common.time.Deadline;

/**
 * One call to a service: method, URL (relative to the base URL, or absolute for signed links and status URLs),
 * headers, body, whether it carries the credential, whether it may be re-sent, where a download goes, and what bounds
 * it in time (the client's overall timeout, and a deadline such as the waiting job's).
 */
public final class ApiRequest {

    private final String method;
    private final String url;
    private final List<Map.Entry<String, String>> headers;
    private final RequestBody body;
    private final boolean authenticated;
    private final RetrySafety safety;
    private final Path downloadTo;
    private final Duration responseTimeout;
    private final Deadline deadline;
    private final boolean statusCheck;

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.url = b.url;
        this.headers = List.copyOf(b.headers);
        this.body = b.body;
        this.authenticated = b.authenticated;
        this.safety = b.safety;
        this.downloadTo = b.downloadTo;
        this.responseTimeout = b.responseTimeout;
        this.deadline = b.deadline;
        this.statusCheck = b.statusCheck;
    }

    public static Builder get(String url) {
        return new Builder("GET", url);
    }

    public static Builder post(String url) {
        return new Builder("POST", url);
    }

    public static Builder put(String url) {
        return new Builder("PUT", url);
    }

    public static Builder patch(String url) {
        return new Builder("PATCH", url);
    }

    public static Builder delete(String url) {
        return new Builder("DELETE", url);
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    public RequestBody body() {
        return body;
    }

    public boolean authenticated() {
        return authenticated;
    }

    public RetrySafety safety() {
        return safety;
    }

    /** Where a successful response body is streamed to, or null to keep it in memory (JSON answers). */
    public Path downloadTo() {
        return downloadTo;
    }

    /** Overrides the client's response timeout for this call, or null. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** A deadline beyond the client's own timeouts (e.g. the job this status check is for), never null. */
    public Deadline deadline() {
        return deadline;
    }

    /** Whether this asks how a job is doing: such calls are paced by the component's maxStatusChecksPerSecond. */
    public boolean isStatusCheck() {
        return statusCheck;
    }

    /** Whether the call moves a file (a streamed upload or a download), bounded by the transfer timeout. */
    public boolean isTransfer() {
        return downloadTo != null || (body != null && body.streamed());
    }

    /** A copy bounded by the deadline too. */
    public ApiRequest boundedBy(Deadline bound) {
        Builder b = new Builder(method, url);
        b.headers.addAll(headers);
        b.body = body;
        b.authenticated = authenticated;
        b.safety = safety;
        b.downloadTo = downloadTo;
        b.responseTimeout = responseTimeout;
        b.deadline = deadline.min(bound);
        b.statusCheck = statusCheck;
        return b.build();
    }

    public static final class Builder {
        private final String method;
        private final String url;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private RequestBody body;
        private boolean authenticated = true;
        private RetrySafety safety;
        private Path downloadTo;
        private Duration responseTimeout;
        private Deadline deadline = Deadline.none();
        private boolean statusCheck;

        private Builder(String method, String url) {
            this.method = method;
            this.url = url;
            // reads are idempotent; anything else must say so explicitly
            this.safety = "GET".equals(method) || "PUT".equals(method) || "DELETE".equals(method)
                    ? RetrySafety.IDEMPOTENT : RetrySafety.NOT_AFTER_RECEIVED;
        }

        public Builder header(String name, String value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        public Builder body(RequestBody body) {
            this.body = body;
            return this;
        }

        /** Signed links carry their own authorisation and must not get the API key. */
        public Builder withoutAuth() {
            this.authenticated = false;
            return this;
        }

        public Builder safety(RetrySafety safety) {
            this.safety = safety;
            return this;
        }

        public Builder downloadTo(Path file) {
            this.downloadTo = file;
            return this;
        }

        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = timeout;
            return this;
        }

        /** Bounds the call (every attempt and wait of it) by this deadline too. */
        public Builder deadline(Deadline deadline) {
            this.deadline = deadline == null ? Deadline.none() : deadline;
            return this;
        }

        /**
         * Marks a call that asks how jobs are doing (a job's status, a batch of tasks): it waits for a slot of the
         * service's status-check pace, so that the service never sees more than maxStatusChecksPerSecond.
         */
        public Builder statusCheck() {
            this.statusCheck = true;
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
