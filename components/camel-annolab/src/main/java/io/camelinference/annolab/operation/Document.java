package io.camelinference.annolab.operation;

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

    /** Deletes a spool file made for a stream body. */
    public void release() {
        if (upload != null) {
            upload.release();
        }
    }
}
