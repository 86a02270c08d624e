package io.camelinference.commsmining.operation;

/**
 * A stream operation, as the binding read it.
 *
 * @param value the fetch size, the sequence id to advance to, or the instant to reset to (ISO-8601)
 */
public record StreamCall(String project, String dataset, String stream, String value) {
}
