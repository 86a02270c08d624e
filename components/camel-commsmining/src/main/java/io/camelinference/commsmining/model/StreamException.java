package io.camelinference.commsmining.model;

/** A comment reported to a stream's exceptions, with the type of the failure. */
public record StreamException(Metadata metadata, String uid) {

    /** What kind of failure it was. */
    public record Metadata(String type) {
    }
}
