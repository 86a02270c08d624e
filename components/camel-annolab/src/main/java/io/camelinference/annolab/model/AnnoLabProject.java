package io.camelinference.annolab.model;

/**
 * A project, as {@code POST /v1/project/create}, {@code GET /v1/project/{group}/{name}} and {@code GET
 * /v1/project/{id}} return it (the fields the SDK's {@code Project.create_from_response_json} reads).
 *
 * @param defaultDirectory the directory sources go to when a request names none ("Uploads" on AnnoLab)
 */
public record AnnoLabProject(Long id, String name, String groupName, Long groupId, String defaultDirectory,
                             Boolean isPublic) {

    /** The first four fields, as before this record had the others. */
    public AnnoLabProject(Long id, String name, String groupName, String defaultDirectory) {
        this(id, name, groupName, null, defaultDirectory, null);
    }
}
