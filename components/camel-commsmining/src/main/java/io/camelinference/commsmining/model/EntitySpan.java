package io.camelinference.commsmining.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where an entity is: the message part ({@code body}, {@code subject}, {@code signature}), the message's index, and
 * the offsets in that part, in characters (Unicode code points) and in UTF-16 bytes.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EntitySpan(String contentPart, int messageIndex, int charStart, int charEnd, int utf16ByteStart,
                         int utf16ByteEnd) {
}
