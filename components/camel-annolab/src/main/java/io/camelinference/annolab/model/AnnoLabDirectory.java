package io.camelinference.annolab.model;

/** A directory of a project, as {@code POST /v1/directory/create} answers it. */
public record AnnoLabDirectory(Long id, String name, Long projectId, String projectName) {
}
