package io.camelinference.commsmining;

import io.camelinference.common.operation.UriOperation;

/** What a {@code commsmining:} endpoint does; URIs and the operation header use the kebab-case names. */
public enum CommsMiningOperation implements UriOperation {
    /** Labels and entities of documents (one, or a List split into requests of at most 4096); billed per document. */
    predict,
    /** Labels and entities of raw e-mails (.eml files, streams, bytes, MimeMessages), parsed here; billed per e-mail. */
    predictRawEmails,
    /** Labels and entities of comments already on the platform, by uid. */
    predictComments,
    /** The validation statistics of a model version. */
    validation,
    /** One batch of a stream, without advancing it. */
    streamFetch,
    /** Moves a stream past a sequence id. */
    streamAdvance,
    /** Moves a stream back (or forward) to the comments created from a point in time. */
    streamReset,
    /** The stream consumer: from("commsmining:stream?...") delivers each comment of the stream, advancing it after. */
    stream;

    /** The URI names, for the endpoint's metadata. */
    public static final String NAMES = "predict,predict-raw-emails,predict-comments,validation,stream-fetch,"
            + "stream-advance,stream-reset,stream";

    @Override
    public String toString() {
        return uriName();
    }
}
