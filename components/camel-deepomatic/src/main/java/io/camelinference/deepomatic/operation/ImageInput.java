package io.camelinference.deepomatic.operation;

import io.camelinference.common.body.UploadSource;

/**
 * One image to recognise: file content streamed as a multipart upload, or a URL / data URI sent in JSON.
 *
 * @param name   what the result calls it: the file name, the URL's scheme, host and path (never its userinfo, query
 *               or fragment), or {@code data:} for a data URI
 * @param upload the content to upload, or null for a URL / data URI
 * @param source the URL or data URI, or null for uploaded content
 */
public record ImageInput(String name, UploadSource upload, String source) {
}
