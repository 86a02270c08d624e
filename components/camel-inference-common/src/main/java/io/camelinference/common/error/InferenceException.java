package io.camelinference.common.error;

import org.apache.camel.RuntimeCamelException;

/**
 * Root of the few exceptions an inference component raises. Route error handlers can catch this one type, or the
 * subtypes for the cases they treat differently: {@link InferenceApiException} (the service answered with an error),
 * {@link InferenceTransportException} (no usable answer), {@link InferenceJobFailedException} and
 * {@link InferenceJobTimeoutException}. Messages never contain credentials.
 */
public class InferenceException extends RuntimeCamelException {

    private final String provider;

    public InferenceException(String provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public InferenceException(String provider, String message) {
        this(provider, message, null);
    }

    /** The service this error came from, e.g. {@code unitypredict}. */
    public String getProvider() {
        return provider;
    }
}
