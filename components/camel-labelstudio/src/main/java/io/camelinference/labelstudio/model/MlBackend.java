package io.camelinference.labelstudio.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ML backend connected to a project, as {@code /api/ml} answers it.
 *
 * @param state {@code CO} connected, {@code DI} disconnected, {@code ER} error (see errorMessage), {@code TR} training,
 *              {@code PR} predicting; Label Studio updates it by calling the backend whenever it is read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MlBackend(
        Long id,
        String url,
        Long project,
        String title,
        String description,
        String state,
        @JsonProperty("readable_state") String readableState,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("is_interactive") Boolean interactive,
        Double timeout,
        @JsonProperty("auth_method") String authMethod,
        @JsonProperty("basic_auth_user") String basicAuthUser,
        @JsonProperty("basic_auth_pass_is_set") Boolean basicAuthPassIsSet,
        @JsonProperty("extra_params") Object extraParams,
        @JsonProperty("auto_update") Boolean autoUpdate,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    public static final String CONNECTED = "CO";
    public static final String DISCONNECTED = "DI";
    public static final String ERROR = "ER";
    public static final String TRAINING = "TR";

    @JsonIgnore
    public boolean isConnected() {
        return CONNECTED.equals(state);
    }
}
