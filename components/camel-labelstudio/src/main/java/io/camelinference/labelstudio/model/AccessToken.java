package io.camelinference.labelstudio.model;

/** The answer of {@code POST /api/token/refresh/}: a short-lived access token. */
public record AccessToken(String access) {

    @Override
    public String toString() {
        return "AccessToken[******]";
    }
}
