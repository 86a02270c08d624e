package io.camelinference.emulator.internal;

import java.util.UUID;

/** Unguessable tokens for signed links and download URLs. */
public final class Tokens {

    private Tokens() {
    }

    /** 32 lower-case hex characters, safe in a path segment or a query value without encoding. */
    public static String newToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
