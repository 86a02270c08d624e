package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An entity found in a comment: its name (kind), the normalised {@code formattedValue} (a date as
 * {@code 2020-01-09 00:00 UTC}, an amount as {@code USD 49.90}) and where it is: {@code spans} (the current API), or
 * one {@code span} (as the guide's examples show it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Entity(String id, String name, String kind, String formattedValue, Double probability, EntitySpan span,
                     List<EntitySpan> spans) {

    /** The spans, whichever way the service gave them. */
    @JsonIgnore
    public List<EntitySpan> allSpans() {
        if (spans != null && !spans.isEmpty()) {
            return spans;
        }
        return span == null ? List.of() : List.of(span);
    }
}
