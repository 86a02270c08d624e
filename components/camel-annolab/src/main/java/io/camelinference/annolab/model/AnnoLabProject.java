package io.camelinference.annolab.model;

/**
 * A project, as {@code GET /v1/project/{group}/{name}} and {@code GET /v1/project/{id}} return it.
 *
 * @param defaultDirectory the directory sources go to when a request names none
 */
public record AnnoLabProject(Long id, String name, String groupName, String defaultDirectory) {
}
