package io.camelinference.annolab.operation;

/**
 * A started export.
 *
 * @param id        its id, when the service gave one (or its status URL ends with it)
 * @param statusUrl where its status is polled
 */
public record ExportHandle(Long id, String statusUrl) {

    /** How messages and timeouts name it. */
    String describe() {
        return "export " + (id != null ? id : statusUrl.replaceAll("[?#].*$", ""));
    }
}
