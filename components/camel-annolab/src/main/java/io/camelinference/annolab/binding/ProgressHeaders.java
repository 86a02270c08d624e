package io.camelinference.annolab.binding;

import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.operation.Progress;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Carries an operation's {@link Progress} from reading the exchange to writing it back (the engine's binding gets no
 * request in {@code failed}), and puts what it holds on the message as headers, once.
 */
final class ProgressHeaders {

    private ProgressHeaders() {
    }

    /** A new progress for the exchange, kept in an exchange property until the result is written. */
    static Progress start(Exchange exchange) {
        Progress progress = new Progress();
        exchange.setProperty(Progress.PROPERTY, progress);
        return progress;
    }

    /** Sets the headers the exchange's progress knows of and removes the property. */
    static void write(Exchange exchange) {
        Progress p = exchange.getProperty(Progress.PROPERTY, Progress.class);
        exchange.removeProperty(Progress.PROPERTY);
        if (p == null) {
            return;
        }
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
