package io.camelinference.commsmining;

import java.util.Set;

import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.component.InferenceService;

/**
 * Communications Mining's identity: scheme, title, token variable and credential header, in one place. There is no
 * default base URL: every tenant has its own host ({@code https://<tenant>.reinfer.io}, or on UiPath Automation Cloud
 * {@code https://cloud.uipath.com/<organisation>/<tenant>/reinfer_}), so baseUrl is required.
 */
public final class CommsMiningService {

    /** The environment variable the API token falls back to. */
    public static final String API_TOKEN_ENV = "COMMSMINING_API_TOKEN";

    /**
     * What Communications Mining bills: AI units, one per document (or raw e-mail) of a predict call. Its answers do
     * not report the units, so they are counted from the documents sent.
     */
    public static final BillingUnit BILLING_UNIT = new BillingUnit("ai_units", "AI units");

    /**
     * {@code Authorization: Bearer <token>}. The health check asks who the token belongs to ({@code GET /auth/user},
     * what the reinfer CLI asks): a cheap authenticated read with no id that could be missing, so only 2xx is healthy.
     */
    public static final InferenceService SERVICE = InferenceService.withHeaderKey("commsmining",
            "Communications Mining", API_TOKEN_ENV, null, "Authorization", "Bearer ", "/auth/user", Set.of())
            .billedIn(BILLING_UNIT);

    /** The most documents (or comment uids) one predict request may carry. */
    public static final int MAX_DOCUMENTS = 4096;

    private CommsMiningService() {
    }
}
