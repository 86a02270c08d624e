package io.camelinference.labelstudio.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What {@code create-project} sends; Label Studio checks the label config (XML) and refuses one it cannot parse. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectRequest(String title, String description, @JsonProperty("label_config") String labelConfig) {
}
