package io.camelinference.springboot;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks a component's secret options (the API key, passwords) in the actuator's {@code /configprops} and {@code /env}
 * even where an application shows values ({@code management.endpoint.configprops.show-values=always}). The names
 * come relaxed: {@code camel.component.unitypredict.api-key} in {@code /env} and {@code ...unitypredict.apiKey} in
 * {@code /configprops} are the same option.
 */
public final class SecretPropertiesSanitizer implements SanitizingFunction {

    private final Set<String> secretKeys;

    /**
     * @param prefix  the starter's prefix, e.g. camel.component.unitypredict
     * @param options the secret options in any form, e.g. api-key
     */
    public SecretPropertiesSanitizer(String prefix, String... options) {
        this.secretKeys = Set.of(options).stream().map(o -> relaxed(prefix + "." + o)).collect(Collectors.toSet());
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        return data.getKey() != null && secretKeys.contains(relaxed(data.getKey())) ? data.withSanitizedValue() : data;
    }

    private static String relaxed(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
