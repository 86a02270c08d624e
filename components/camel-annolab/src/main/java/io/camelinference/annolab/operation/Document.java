package io.camelinference.annolab.operation;

import java.nio.file.Path;

import io.camelinference.common.body.UploadSource;

/**
 * A message body to be created as an AnnoLab source, read and checked before anything is sent.
 *
 * @param name   the source name chosen for it (unique within a directory)
 * @param pdf    whether it goes through the PDF upload (else create-text)
 * @param text   the text of a text document, else null
 * @param upload the PDF content with a known length, else null
 */
public record Document(String name, boolean pdf, String text, UploadSource upload) {

    /**
     * This document with a PDF stream copied to a spool file in {@code spoolDir} (signed URLs refuse chunked bodies);
     * blocks while copying. Called by the operation once it runs: {@link #release()} of this document, or of the one
     * it was made from, deletes the copy.
     */
    public Document withKnownLength(Path spoolDir) {
        return upload == null || upload.length() >= 0 ? this
                : new Document(name, pdf, text, upload.withKnownLength(spoolDir));
    }

    /** Deletes a spool file made for a stream body. */
    public void release() {
        if (upload != null) {
            upload.release();
        }
    }
}
