package io.camelinference.common.component;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.camel.support.HealthCheckComponent;

/**
 * What every inference component does the same way: owns an {@link InferenceRuntime} (started on first use, closed
 * with the component), parses the operation of {@code scheme:operation} URIs, and prepares each endpoint's copy of the
 * component configuration with its API key resolved.
 * <p>
 * The concrete component keeps its typed {@code configuration} field and its {@code createEndpoint}, because Camel's
 * metadata generator reads them there.
 */
public abstract class InferenceComponentSupport extends HealthCheckComponent {

    private InferenceRuntime runtime;

    /** Names the runtime's threads, e.g. {@code UnityPredict}. */
    protected abstract String runtimeName();

    /** The scheduler, completion pool and HTTP clients of this component, started on first use. */
    public synchronized InferenceRuntime runtime() {
        if (runtime == null) {
            runtime = new InferenceRuntime(getCamelContext(), this, runtimeName());
        }
        return runtime;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        super.doStop();
    }

    /**
     * The operation named by the URI's remaining part. Operations are written in kebab-case in URIs
     * ({@code create-spec}) and as enum constants in Java ({@code CREATE_SPEC} or {@code createSpec}).
     */
    public static <O extends Enum<O>> O parseOperation(Class<O> type, String scheme, String remaining) {
        String wanted = remaining == null ? "" : remaining.replace("-", "").toLowerCase(Locale.ROOT);
        for (O operation : type.getEnumConstants()) {
            if (operation.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown " + scheme + " operation '" + remaining + "': expected one of "
                + Arrays.stream(type.getEnumConstants()).map(InferenceComponentSupport::uriName)
                        .collect(Collectors.joining(", ")));
    }

    /** The kebab-case URI name of an operation constant. */
    public static String uriName(Enum<?> operation) {
        String name = operation.name();
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return name.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Resolves the endpoint configuration's API key (option, then environment variable); fails endpoint creation with a
     * message saying where to set it.
     */
    protected static void resolveApiKey(InferenceConfiguration configuration, String environmentVariable, String scheme) {
        configuration.setApiKey(ApiKeys.resolve(configuration.getApiKey(), environmentVariable, scheme));
    }
}
