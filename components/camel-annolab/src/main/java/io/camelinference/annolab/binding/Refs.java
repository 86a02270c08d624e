package io.camelinference.annolab.binding;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.operation.ProjectRef;
import io.camelinference.annolab.operation.SourceRef;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Message;

/**
 * What the operations beside the inference chain read alike from a message: the group (the option, or null for the
 * key's own group), the project, the directory and a source (header over option), preventDuplication, bulkSize.
 */
final class Refs {

    private Refs() {
    }

    static String group(AnnoLabConfiguration c) {
        return blank(c.getGroupName()) ? null : c.getGroupName().strip();
    }

    /** The project the operation needs, from the header or the option. */
    static ProjectRef project(Message in, AnnoLabConfiguration c, String what) {
        return new ProjectRef(group(c), MessageValues.required(in, AnnoLabConstants.PROJECT_IDENTIFIER,
                c.getProjectIdentifier(), what, "projectIdentifier"));
    }

    /** The project, or null when neither the header nor the option names one. */
    static ProjectRef optionalProject(Message in, AnnoLabConfiguration c) {
        String project = MessageValues.option(in, AnnoLabConstants.PROJECT_IDENTIFIER, c.getProjectIdentifier(),
                String.class);
        return blank(project) ? null : new ProjectRef(group(c), project.strip());
    }

    /** The directory from the header or the option, or null for the project's default. */
    static String directory(Message in, AnnoLabConfiguration c) {
        String directory = MessageValues.option(in, AnnoLabConstants.DIRECTORY_IDENTIFIER, c.getDirectoryIdentifier(),
                String.class);
        return blank(directory) ? null : directory.strip();
    }

    /**
     * The source the operation works on: CamelAnnoLabSourceId, else CamelAnnoLabSourceName (in the directory of the
     * project), else, when the body may name it, a number (an id) or a String (digits: an id; else a name).
     *
     * @return null when nothing names a source and {@code required} is false
     */
    static SourceRef source(Message in, AnnoLabConfiguration c, String what, boolean bodyMayName, boolean required) {
        Long id = in.getHeader(AnnoLabConstants.SOURCE_ID, Long.class);
        if (id != null) {
            return SourceRef.of(id);
        }
        String name = in.getHeader(AnnoLabConstants.SOURCE_NAME, String.class);
        Object body = in.getBody();
        if (blank(name) && bodyMayName) {
            if (body instanceof Number n) {
                return SourceRef.of(n.longValue());
            }
            if (body instanceof CharSequence text && !text.toString().isBlank()) {
                String value = text.toString().strip();
                if (value.matches("\\d{1,18}")) {
                    return SourceRef.of(Long.parseLong(value));
                }
                name = value;
            }
        }
        if (blank(name)) {
            if (!required) {
                return null;
            }
            throw new IllegalArgumentException(what + " needs a source: set the header " + AnnoLabConstants.SOURCE_ID
                    + " (its id) or " + AnnoLabConstants.SOURCE_NAME + " (its name, in directoryIdentifier or the"
                    + " project's default directory)" + (bodyMayName ? ", or put its id or name in the body" : "")
                    + "; the body is " + MessageValues.describe(body));
        }
        return SourceRef.named(project(in, c, what), directory(in, c), name.strip());
    }

    static boolean preventDuplication(Message in, AnnoLabConfiguration c) {
        return MessageValues.option(in, AnnoLabConstants.PREVENT_DUPLICATION, c.isPreventDuplication(), Boolean.class);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
