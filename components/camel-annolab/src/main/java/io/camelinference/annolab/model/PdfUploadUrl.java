package io.camelinference.annolab.model;

/** The answer to {@code POST /v1/source/init-pdf}: the signed URL the PDF is PUT to, without the API key. */
public record PdfUploadUrl(String uploadUrl) {
}
