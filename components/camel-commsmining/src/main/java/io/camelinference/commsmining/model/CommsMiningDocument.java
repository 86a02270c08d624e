package io.camelinference.commsmining.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A document to predict: its messages (at most 2048), optionally a timestamp (ISO-8601), user properties
 * ({@code "string:City": "London"}, {@code "number:Score": 7}) and the text format ({@code plain} or {@code markdown}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommsMiningDocument(List<CommsMiningMessage> messages, String timestamp,
                                  Map<String, Object> userProperties, String textFormat) {

    /** A document of one message with this body text. */
    public static CommsMiningDocument of(String text) {
        return of(CommsMiningMessage.of(text));
    }

    public static CommsMiningDocument of(CommsMiningMessage... messages) {
        return new CommsMiningDocument(List.of(messages), null, null, null);
    }
}
