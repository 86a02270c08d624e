package io.camelinference.labelstudio.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code create-backend} and {@code update-backend} send: the backend's URL and project are required to create
 * one; unset fields are not sent. Label Studio checks the backend (GET /health, POST /setup) before it accepts it.
 *
 * @param authMethod {@code NONE} or {@code BASIC_AUTH} (then user and password are required)
 * @param timeout    seconds Label Studio waits for the backend's answers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MlBackendRequest(
        String url,
        Long project,
        String title,
        String description,
        @JsonProperty("is_interactive") Boolean interactive,
        @JsonProperty("auth_method") String authMethod,
        @JsonProperty("basic_auth_user") String basicAuthUser,
        @JsonProperty("basic_auth_pass") String basicAuthPass,
        @JsonProperty("extra_params") Map<String, Object> extraParams,
        Double timeout,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("auto_update") Boolean autoUpdate) {

    /** A backend at {@code url} for a project. */
    public static MlBackendRequest of(String url, Long project, String title) {
        return new MlBackendRequest(url, project, title, null, null, null, null, null, null, null, null, null);
    }

    /** The same request for another project. */
    public MlBackendRequest withProject(Long projectId) {
        return new MlBackendRequest(url, projectId, title, description, interactive, authMethod, basicAuthUser,
                basicAuthPass, extraParams, timeout, modelVersion, autoUpdate);
    }

    /** The password is never shown. */
    @Override
    public String toString() {
        return "MlBackendRequest[url=" + url + ", project=" + project + ", title=" + title + ", authMethod=" + authMethod
                + ", basicAuthUser=" + basicAuthUser + ", basicAuthPass=" + (basicAuthPass == null ? null : "******")
                + "]";
    }
}
