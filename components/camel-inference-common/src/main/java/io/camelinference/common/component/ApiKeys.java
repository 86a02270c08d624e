package io.camelinference.common.component;

import java.util.function.UnaryOperator;

/** Finds the API key: the configured option first, then the component's environment variable. */
public final class ApiKeys {

    private ApiKeys() {
    }

    public static String resolve(String configured, String environmentVariable, String scheme) {
        return resolve(configured, environmentVariable, scheme, System::getenv);
    }

    static String resolve(String configured, String environmentVariable, String scheme, UnaryOperator<String> env) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String fromEnv = env.apply(environmentVariable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        throw new IllegalArgumentException("No API key for " + scheme + ": set the apiKey option (or"
                + " camel.component." + scheme + ".api-key) or the environment variable " + environmentVariable);
    }
}
