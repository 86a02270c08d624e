package io.camelinference.commsmining.binding;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import io.camelinference.commsmining.CommsMiningConfiguration;
import io.camelinference.commsmining.CommsMiningConstants;
import io.camelinference.commsmining.model.CommsMiningStreamBatch;
import io.camelinference.commsmining.model.CommsMiningValidation;
import io.camelinference.commsmining.operation.PredictTarget;
import io.camelinference.commsmining.operation.StreamCall;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Message;

/**
 * {@code stream-fetch} (the batch as body; sequence id, end and filtered count as headers), {@code stream-advance}
 * (the sequence id from the header or the body), {@code stream-reset} (the instant from the header or the body) and
 * {@code validation} (the statistics as body).
 */
public final class StreamBindings {

    private final CommsMiningConfiguration configuration;

    public StreamBindings(CommsMiningConfiguration configuration) {
        this.configuration = configuration;
    }

    public Binding<StreamCall, CommsMiningStreamBatch> fetch() {
        return Binding.of(e -> call(e.getMessage(), "commsmining:stream-fetch",
                String.valueOf(configuration.getFetchSize())), (e, batch) -> {
                    Message m = e.getMessage();
                    m.setHeader(CommsMiningConstants.SEQUENCE_ID, batch.sequenceId());
                    m.setHeader(CommsMiningConstants.IS_END_SEQUENCE, batch.isEndSequence());
                    m.setHeader(CommsMiningConstants.FILTERED, batch.filtered());
                    m.setBody(batch);
                });
    }

    public Binding<StreamCall, String> advance() {
        return Binding.of(e -> call(e.getMessage(), "commsmining:stream-advance", MessageValues.id(e.getMessage(),
                CommsMiningConstants.SEQUENCE_ID, "commsmining:stream-advance", "a sequence id")),
                (e, id) -> e.getMessage().setHeader(CommsMiningConstants.SEQUENCE_ID, id));
    }

    public Binding<StreamCall, String> reset() {
        return Binding.of(e -> call(e.getMessage(), "commsmining:stream-reset", instant(e.getMessage())),
                (e, at) -> e.getMessage().setHeader(CommsMiningConstants.RESET_TO, at));
    }

    public Binding<PredictTarget, CommsMiningValidation> validation() {
        return Binding.of(e -> RequestOptions.target(e.getMessage(), configuration, "commsmining:validation"),
                (e, v) -> e.getMessage().setBody(v));
    }

    private StreamCall call(Message in, String what, String value) {
        return new StreamCall(
                MessageValues.required(in, CommsMiningConstants.PROJECT, configuration.getProject(), what, "project"),
                MessageValues.required(in, CommsMiningConstants.DATASET, configuration.getDataset(), what, "dataset"),
                MessageValues.required(in, CommsMiningConstants.STREAM, configuration.getStream(), what, "stream"),
                value);
    }

    /** The reset point: an Instant, Date, OffsetDateTime, ZonedDateTime or ISO-8601 String, as UTC ISO-8601. */
    private static String instant(Message in) {
        Object value = in.getHeader(CommsMiningConstants.RESET_TO);
        if (value == null) {
            value = in.getBody();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof Date d) {
            return d.toInstant().toString();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant().toString();
        }
        if (value instanceof CharSequence s && !s.toString().isBlank()) {
            try {
                return OffsetDateTime.parse(s.toString().strip()).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("commsmining:stream-reset: '" + s + "' is not an ISO-8601 date-time"
                        + " such as 2024-03-01T00:00:00Z", e);
            }
        }
        throw new IllegalArgumentException("commsmining:stream-reset needs the point in time to reset to: set the header "
                + CommsMiningConstants.RESET_TO + " or the body to an Instant, Date, OffsetDateTime or ISO-8601 String;"
                + " the body is " + MessageValues.describe(in.getBody()));
    }
}
