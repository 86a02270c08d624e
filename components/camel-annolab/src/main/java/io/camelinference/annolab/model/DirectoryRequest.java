package io.camelinference.annolab.model;

/**
 * The body of {@code POST /v1/directory/create}. The SDK names the endpoint ({@code endpoints.Directory.post_create})
 * but sends nothing to it, and AnnoLab's docs do not describe it: these fields follow the other create calls.
 */
public record DirectoryRequest(Object projectIdentifier, String groupName, String directoryName) {
}
