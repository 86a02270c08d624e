package io.camelinference.annolab.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of the calls that make a source: {@code create-text}, {@code init-pdf} and {@code create-pdf} (each sends
 * only its own fields).
 *
 * @param directoryIdentifier the directory (id or name); the project's default when null
 * @param sourceName          the name the source is created as (create-text, init-pdf)
 * @param sourceIdentifier    the name the PDF was announced as (create-pdf)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceRequest(String projectIdentifier, String groupName, String directoryIdentifier, String sourceName,
                            String text, Map<String, Object> metadata, String sourceIdentifier, String preprocessor) {

    public static SourceRequest text(String project, String group, String directory, String name, String text) {
        return new SourceRequest(project, group, directory, name, text, null, null, null);
    }

    public static SourceRequest initPdf(String project, String group, String directory, String name) {
        return new SourceRequest(project, group, directory, name, null, Map.of(), null, null);
    }

    public static SourceRequest createPdf(String project, String group, String directory, String name) {
        return new SourceRequest(project, group, directory, null, null, null, name, "none");
    }
}
