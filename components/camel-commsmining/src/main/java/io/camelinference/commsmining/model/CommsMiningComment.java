package io.camelinference.commsmining.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A comment on the platform: ids, messages, user properties, described attachments, and when it was created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommsMiningComment(String id, String uid, String threadId, String timestamp,
                                 List<CommsMiningMessage> messages, Map<String, Object> userProperties,
                                 List<RawEmail.Attachment> attachments, String createdAt) {
}
