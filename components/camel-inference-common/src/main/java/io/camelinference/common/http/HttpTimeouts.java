package io.camelinference.common.http;

import java.time.Duration;

/**
 * How long calls may take in all, beyond the connection-level timeouts of {@link TransportSettings}.
 *
 * @param request          overall bound of one attempt of a JSON call, from sending to the last byte of the answer
 *                         (a server that trickles bytes cannot hold a call longer)
 * @param transfer         the same bound for streamed uploads and downloads, which may legitimately take long
 * @param maxRateLimitWait how long one call may wait in all for a rate-limiting service (429, or 503 with
 *                         Retry-After) before it fails; these waits do not count as retries
 */
public record HttpTimeouts(Duration request, Duration transfer, Duration maxRateLimitWait) {
}
