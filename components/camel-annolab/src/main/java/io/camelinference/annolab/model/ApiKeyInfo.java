package io.camelinference.annolab.model;

import java.util.List;
import java.util.Optional;

/**
 * The answer to {@code GET /v1/api-key/info}: the groups the key may act in.
 */
public record ApiKeyInfo(List<Group> groups) {

    /** A group: an organisation's, or the key owner's own ({@code isSingleUser}). */
    public record Group(String groupName, Long groupId, Boolean isSingleUser, List<String> permissions) {
    }

    /**
     * The key owner's own single-user group: the SDK's {@code default_owner}, where it creates and finds projects
     * when no owner is named (the last such group, as the SDK picks it).
     */
    public Optional<Group> defaultOwner() {
        Group owner = null;
        for (Group g : groups == null ? List.<Group>of() : groups) {
            if (Boolean.TRUE.equals(g.isSingleUser())) {
                owner = g;
            }
        }
        return Optional.ofNullable(owner);
    }
}
