package io.camelinference.common.component;

import java.util.Set;
import java.util.function.Function;

import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.http.AuthStrategy;

/**
 * A service's identity in one place: its scheme, title, the environment variable of its key, its default base URL, how
 * it wants its credential, and how a health check asks it whether it is reachable and accepts the key. Each component
 * declares one constant of this type; everything else reads from it.
 *
 * @param scheme          the URI scheme, e.g. {@code unitypredict}
 * @param title           the service's name for people, e.g. {@code UnityPredict}
 * @param apiKeyEnv       the environment variable the key falls back to, e.g. {@code UNITYPREDICT_API_KEY}
 * @param defaultBaseUrl  the production API, or null where every user has their own host (then baseUrl is required)
 * @param auth            the credential strategy for a configured key
 * @param healthPath      a cheap authenticated GET the health check sends, relative to the base URL
 * @param healthyStatuses answers to it besides 2xx that still mean "reachable, key accepted" (e.g. 404 for a probe
 *                        of an id that does not exist)
 * @param billingUnit     what the service bills in (the unit of spend budgets and of the billed meter), or null when
 *                        it bills nothing
 */
public record InferenceService(String scheme, String title, String apiKeyEnv, String defaultBaseUrl,
                               Function<AuthContext, AuthStrategy> auth, String healthPath,
                               Set<Integer> healthyStatuses, BillingUnit billingUnit) {

    /** A service that bills nothing (or whose billing unit is given later with {@link #billedIn}). */
    public InferenceService(String scheme, String title, String apiKeyEnv, String defaultBaseUrl,
                            Function<AuthContext, AuthStrategy> auth, String healthPath,
                            Set<Integer> healthyStatuses) {
        this(scheme, title, apiKeyEnv, defaultBaseUrl, auth, healthPath, healthyStatuses, null);
    }

    /** This service, billing in the unit: e.g. {@code new BillingUnit("usd", "USD")}. */
    public InferenceService billedIn(BillingUnit unit) {
        return new InferenceService(scheme, title, apiKeyEnv, defaultBaseUrl, auth, healthPath, healthyStatuses, unit);
    }

    /**
     * What a credential strategy is built from.
     *
     * @param apiKey        the resolved key or token
     * @param configuration the endpoint's configuration
     * @param plainClient   makes an unauthenticated client of the same service (e.g. to exchange a token)
     */
    public record AuthContext(String apiKey, InferenceConfiguration configuration,
                              java.util.function.Supplier<io.camelinference.common.http.InferenceHttpClient> plainClient) {
    }

    /** A service whose credential is one header: {@code name: prefix<key>}. */
    public static InferenceService withHeaderKey(String scheme, String title, String apiKeyEnv, String defaultBaseUrl,
                                                 String header, String prefix, String healthPath,
                                                 Set<Integer> healthyStatuses) {
        return new InferenceService(scheme, title, apiKeyEnv, defaultBaseUrl,
                ctx -> AuthStrategy.header(header, prefix, ctx.apiKey()), healthPath, healthyStatuses);
    }

    /** The thread and log name, e.g. {@code UnityPredict} becomes {@code UnityPredict}. */
    public String runtimeName() {
        return title.replaceAll("[^A-Za-z0-9]", "");
    }
}
