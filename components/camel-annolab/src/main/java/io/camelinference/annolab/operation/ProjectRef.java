package io.camelinference.annolab.operation;

/**
 * A project as a message names it.
 *
 * @param group   the group it belongs to, or null for the key's own group (the SDK's default owner)
 * @param project its id (digits) or name
 */
public record ProjectRef(String group, String project) {

    public boolean byId() {
        return project.matches("\\d{1,18}");
    }
}
