package io.camelinference.common.retry;

/**
 * Whether a request may be sent again after the service may have received it. This is what keeps a retry from
 * billing twice or creating a second job.
 */
public enum RetrySafety {

    /** Reads and other idempotent calls: retried on connect failures, dropped connections, timeouts, 408, 429, 5xx. */
    IDEMPOTENT,

    /**
     * Billed or job-creating calls: retried only when the service cannot have acted on them: the request never left,
     * or it answered 408, 429 or 503 (it refused the request without processing it). Another 5xx, a dropped connection
     * or a response timeout is surfaced instead of re-sent.
     */
    NOT_AFTER_RECEIVED
}
