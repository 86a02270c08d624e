package io.camelinference.commsmining.binding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.camelinference.commsmining.CommsMiningConfiguration;
import io.camelinference.commsmining.mime.RawEmails;
import io.camelinference.commsmining.model.RawEmailDocument;
import io.camelinference.commsmining.operation.PredictCall;
import io.camelinference.commsmining.operation.PredictResult;
import io.camelinference.common.operation.Binding;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code commsmining:predict-raw-emails}: the body (an .eml File or Path, a file from the file consumer, an
 * InputStream, a byte array, a String of MIME text, a jakarta.mail MimeMessage, a RawEmailDocument, or a List of them)
 * parsed as a stream into raw e-mails; every e-mail is read and checked against the service's limits before any is
 * sent; a List of more than 4096 is split like predict's.
 */
public final class RawEmailBinding implements Binding<PredictCall<RawEmailDocument>, PredictResult> {

    private final CommsMiningConfiguration configuration;
    private final Path spoolDirectory;

    public RawEmailBinding(CommsMiningConfiguration configuration, Path spoolDirectory) {
        this.configuration = configuration;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public PredictCall<RawEmailDocument> read(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        String name = in.getHeader(Exchange.FILE_NAME_ONLY, "message.eml", String.class);
        List<RawEmailDocument> emails = new ArrayList<>();
        boolean single = !(body instanceof Collection<?>);
        if (body instanceof Collection<?> items) {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("commsmining:predict-raw-emails got an empty List: nothing to predict");
            }
            int i = 0;
            for (Object item : items) {
                emails.add(RawEmails.read(item, "item " + i++, spoolDirectory));
            }
        } else {
            emails.add(RawEmails.read(body, name, spoolDirectory));
        }
        return new PredictCall<>(RequestOptions.target(in, configuration, "commsmining:predict-raw-emails"),
                RequestOptions.settings(in, configuration, null, null), emails, single);
    }

    @Override
    public void write(Exchange exchange, PredictResult result) {
        PredictionHeaders.write(exchange.getMessage(), result, true);
    }
}
