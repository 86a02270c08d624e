package io.camelinference.labelstudio;

import java.util.Set;

import io.camelinference.common.component.InferenceService;
import io.camelinference.labelstudio.client.LabelStudioAuth;

/**
 * Label Studio's identity: scheme, title, key variable and credential, in one place. Every user runs their own server,
 * so there is no default base URL (a local one is {@code http://localhost:8080}).
 */
public final class LabelStudioService {

    /** The environment variable the token falls back to (the name Label Studio's own tools use). */
    public static final String API_KEY_ENV = "LABEL_STUDIO_API_KEY";

    /** Where a Label Studio started on one's own machine listens. */
    public static final String LOCAL_BASE_URL = "http://localhost:8080";

    /**
     * A legacy token goes as {@code Authorization: Token <key>}; a personal access token (a JWT refresh token) is
     * exchanged for short-lived access tokens sent as {@code Bearer}. The health check reads one project.
     */
    public static final InferenceService SERVICE = new InferenceService("labelstudio", "Label Studio", API_KEY_ENV,
            null, LabelStudioAuth::of, "/api/projects/?page_size=1", Set.of());

    private LabelStudioService() {
    }
}
