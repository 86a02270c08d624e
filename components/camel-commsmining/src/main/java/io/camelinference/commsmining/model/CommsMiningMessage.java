package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One message of a document or comment: a body (required, at most 65,536 characters), optionally a subject, a
 * signature, the sender, recipients, when it was sent (ISO-8601) and its language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommsMiningMessage(MessageText body, MessageText subject, MessageText signature, String from,
                                 List<String> to, List<String> cc, List<String> bcc, String sentAt, String language) {

    /** A message of just a body text. */
    public static CommsMiningMessage of(String body) {
        return new CommsMiningMessage(new MessageText(body), null, null, null, null, null, null, null, null);
    }

    /** A message with a subject, a body and a sender. */
    public static CommsMiningMessage of(String subject, String body, String from) {
        return new CommsMiningMessage(new MessageText(body), subject == null ? null : new MessageText(subject), null,
                from, null, null, null, null, null);
    }
}
