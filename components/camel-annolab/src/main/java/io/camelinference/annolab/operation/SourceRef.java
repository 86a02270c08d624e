package io.camelinference.annolab.operation;

/**
 * A source as a message names it: by id, or by name in a directory of a project.
 *
 * @param id        the source's id, or null when it is named
 * @param project   the project (by name only)
 * @param directory the directory's name or id, or null for the project's default directory
 * @param name      the source's name (by name only)
 */
public record SourceRef(Long id, ProjectRef project, String directory, String name) {

    public static SourceRef of(long id) {
        return new SourceRef(id, null, null, null);
    }

    public static SourceRef named(ProjectRef project, String directory, String name) {
        return new SourceRef(null, project, directory, name);
    }

    /** How messages name it. */
    public String describe() {
        return id != null ? "source " + id : "source '" + name + "' in " + (directory != null ? "directory '"
                + directory + "'" : "the default directory") + " of project '" + project.project() + "'";
    }
}
