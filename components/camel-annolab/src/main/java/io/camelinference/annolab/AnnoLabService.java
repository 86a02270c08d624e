package io.camelinference.annolab;

import java.util.Set;

import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.component.InferenceService;

/** AnnoLab's identity: scheme, title, key variable, production API and credential header, in one place. */
public final class AnnoLabService {

    /** The production API; paths start with /v1. */
    public static final String DEFAULT_BASE_URL = "https://api.annolab.ai";

    /** The environment variable the API key falls back to. */
    public static final String API_KEY_ENV = "ANNOLAB_API_KEY";

    /** What AnnoLab bills: model runs, one per source an inference job runs its model on. */
    public static final BillingUnit BILLING_UNIT = new BillingUnit("model_runs", "model runs");

    /**
     * {@code Authorization: Api-Key <key>}. The health check reads the key's groups ({@code GET /v1/api-key/info}):
     * 2xx means the service is up and took the key, 401 that it refused it.
     */
    public static final InferenceService SERVICE = InferenceService.withHeaderKey("annolab", "AnnoLab", API_KEY_ENV,
            DEFAULT_BASE_URL, "Authorization", "Api-Key ", "/v1/api-key/info", Set.of()).billedIn(BILLING_UNIT);

    private AnnoLabService() {
    }
}
