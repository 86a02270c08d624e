package io.camelinference.annolab.binding;

import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.operation.Progress;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Puts what an operation's {@link Progress} holds on the message as headers, once, on success or failure. */
final class ProgressHeaders {

    private ProgressHeaders() {
    }

    /** Sets the headers the progress knows of. */
    static void write(Exchange exchange, Progress p) {
        Message m = exchange.getMessage();
        set(m, AnnoLabConstants.SOURCE_IDS, p.sourceIds());
        set(m, AnnoLabConstants.JOB_ID, p.jobId());
        set(m, AnnoLabConstants.STATUS, p.status());
        set(m, AnnoLabConstants.OUTPUT_LAYER_NAME, p.layerName());
        set(m, AnnoLabConstants.EXPORT_ID, p.exportId());
        set(m, AnnoLabConstants.EXPORT_STATUS, p.exportStatus());
    }

    private static void set(Message m, String header, Object value) {
        if (value != null) {
            m.setHeader(header, value);
        }
    }
}
