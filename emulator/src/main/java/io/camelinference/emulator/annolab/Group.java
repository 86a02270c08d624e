package io.camelinference.emulator.annolab;

/**
 * A group the API key belongs to: a shared group (an organisation), or the key owner's own single-user group, which the
 * SDK takes as its default owner ({@code isSingleUser: true} in {@code GET /v1/api-key/info}).
 */
record Group(long id, String name, boolean singleUser) {
}
