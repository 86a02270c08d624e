package io.camelinference.deepomatic.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A recognition version: the link between one of your specifications and one of your networks, with one
 * post-processing per output of the specification ({@code classification} or {@code detection}, e.g. with the
 * {@code output_tensor} and one threshold per label). Immutable once created; also the body of
 * {@code create-version} (spec_id, network_id and post_processings; unset fields are not sent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeepomaticVersion(
        String id,
        @JsonProperty("spec_id") String specId,
        @JsonProperty("spec_name") String specName,
        @JsonProperty("network_id") String networkId,
        @JsonProperty("network_name") String networkName,
        @JsonProperty("update_date") String updateDate,
        @JsonProperty("post_processings") List<Map<String, Object>> postProcessings) {

    /** A new version of specification {@code specId} on network {@code networkId}. */
    public static DeepomaticVersion of(String specId, String networkId, List<Map<String, Object>> postProcessings) {
        return new DeepomaticVersion(null, specId, null, networkId, null, null, postProcessings);
    }
}
