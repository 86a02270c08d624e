package io.camelinference.common.http;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * Keeps credentials out of text meant for people: messages, log lines, exception messages and their causes. It masks
 * every secret the credential strategy currently knows (an API key; a token and its refreshed access tokens).
 */
public final class Masker {

    static final String MASK = "******";

    private final Supplier<Collection<String>> secrets;

    public Masker(Supplier<Collection<String>> secrets) {
        this.secrets = secrets;
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets.get()) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /**
     * A copy of the failure whose message, and the messages of its causes, are masked: exceptions of libraries (a
     * JSON parser quoting the body it could not read, which may echo the key) are kept as
     * {@link MaskedCause}s with their class name and stack trace, never with their raw text.
     */
    public Throwable mask(Throwable error) {
        if (error == null) {
            return null;
        }
        MaskedCause copy = new MaskedCause(error.getClass().getName(), mask(error.getMessage()),
                error.getCause() == null || error.getCause() == error ? null : mask(error.getCause()));
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** A library exception, kept by class name and masked message. */
    public static final class MaskedCause extends Exception {

        private final String originalClass;

        MaskedCause(String originalClass, String message, Throwable cause) {
            super(message, cause, false, true);
            this.originalClass = originalClass;
        }

        /** The class of the exception this stands for, e.g. {@code java.net.SocketTimeoutException}. */
        public String getOriginalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            String m = getMessage();
            return originalClass + (m == null ? "" : ": " + m);
        }
    }
}
