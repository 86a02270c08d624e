package io.camelinference.commsmining.model;

/** An answer without a payload: {@code {"status": "ok"}}, or an error envelope. */
public record StatusResponse(String status, String message) {
}
