package io.camelinference.deepomatic;

import java.util.Set;

import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.component.InferenceService;

/** Deepomatic's identity: scheme, title, key variable, production API and credential header, in one place. */
public final class DeepomaticService {

    /** The production API; set baseUrl to the emulator's {@code http://127.0.0.1:PORT/v0.7} to try routes offline. */
    public static final String DEFAULT_BASE_URL = "https://api.deepomatic.com/v0.7";

    /** The environment variable the API key falls back to. */
    public static final String API_KEY_ENV = "DEEPOMATIC_API_KEY";

    /** What Deepomatic bills: inferences, one per image sent to a recognition specification or version. */
    public static final BillingUnit BILLING_UNIT = new BillingUnit("inferences", "inferences");

    /**
     * {@code X-API-KEY: <key>}. The health check lists one of the account's own specifications
     * ({@code GET /recognition/specs/?limit=1}): cheap, authenticated, and 200 even for an account that has none.
     */
    public static final InferenceService SERVICE = InferenceService.withHeaderKey("deepomatic", "Deepomatic",
            API_KEY_ENV, DEFAULT_BASE_URL, "X-API-KEY", "", "/recognition/specs/?limit=1", Set.of())
            .billedIn(BILLING_UNIT);

    private DeepomaticService() {
    }
}
