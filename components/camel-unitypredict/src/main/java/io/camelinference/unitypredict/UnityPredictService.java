package io.camelinference.unitypredict;

import java.util.Set;

import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.component.InferenceService;
import io.camelinference.common.http.AuthStrategy;

/** UnityPredict's identity: scheme, title, key variable, production API and credential header, in one place. */
public final class UnityPredictService {

    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.prod.unitypredict.com/api";

    /** The environment variable the API key falls back to. */
    public static final String API_KEY_ENV = "UNITYPREDICT_API_KEY";

    /** What UnityPredict bills in: the compute cost in USD its answers report as computeCost. */
    public static final BillingUnit BILLING_UNIT = new BillingUnit("usd", "USD");

    /**
     * {@code Authorization: Bearer APIKEY@<key>}; the callback token, which travels in the callback URL a predict
     * sends, is masked like the key in errors that quote the request back. The health check asks for the status of a
     * request id that cannot exist: 404 means the service is up and took the key, 401 that it refused it.
     */
    public static final InferenceService SERVICE = new InferenceService("unitypredict", "UnityPredict", API_KEY_ENV,
            DEFAULT_BASE_URL, ctx -> AuthStrategy.header("Authorization", "Bearer APIKEY@", ctx.apiKey())
                    .alsoMasking(ctx.configuration() instanceof UnityPredictConfiguration c ? c.getCallbackToken() : null),
            "/predict/status/camel-health-check", Set.of(404)).billedIn(BILLING_UNIT);

    private UnityPredictService() {
    }
}
