package io.camelinference.annolab.model;

/** The body of {@code POST /v1/project/create}, as the SDK's {@code create_project} sends it. */
public record ProjectRequest(String name, String groupName, boolean isPublic) {
}
