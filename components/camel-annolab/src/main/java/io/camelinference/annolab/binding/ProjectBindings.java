package io.camelinference.annolab.binding;

import java.util.List;
import java.util.Map;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.model.AnnoLabDirectory;
import io.camelinference.annolab.model.AnnoLabProject;
import io.camelinference.annolab.model.ApiKeyInfo;
import io.camelinference.annolab.operation.ProjectOperations.NewDirectory;
import io.camelinference.annolab.operation.ProjectOperations.NewProject;
import io.camelinference.annolab.operation.ProjectRef;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reads and writes the messages of api-key-info, create-project, get-project, list-projects, create-directory. */
public final class ProjectBindings {

    private final AnnoLabConfiguration c;

    public ProjectBindings(AnnoLabConfiguration configuration) {
        this.c = configuration;
    }

    public Binding<Void, ApiKeyInfo> apiKeyInfo() {
        return Binding.of(ex -> null, (ex, info) -> {
            info.defaultOwner().ifPresent(g -> ex.getMessage().setHeader(AnnoLabConstants.DEFAULT_OWNER,
                    g.groupName()));
            ex.getMessage().setBody(info);
        });
    }

    /** The name from a String body, a Map's name (and isPublic), else projectIdentifier (header or option). */
    public Binding<NewProject, AnnoLabProject> create() {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            String what = "annolab:create-project";
            Object body = in.getBody();
            if (body instanceof CharSequence text && !text.toString().isBlank()) {
                if (!text.toString().strip().startsWith("{")) {
                    return new NewProject(Refs.group(c), text.toString().strip(), false);
                }
                body = Bodies.parsed(text, what, "a Map with name and isPublic, or the name as a String");
            }
            if (body instanceof Map<?, ?> map) {
                Bodies.checkedKeys(map, List.of("name", "isPublic", "is_public"), what + " body");
                String name = Bodies.text(map.get("name"), what, "name");
                Boolean isPublic = Bodies.flag(Bodies.value(map, "isPublic", "is_public"), what, "isPublic");
                if (!Refs.blank(name)) {
                    return new NewProject(Refs.group(c), name.strip(), Boolean.TRUE.equals(isPublic));
                }
            }
            String name = MessageValues.option(in, AnnoLabConstants.PROJECT_IDENTIFIER, c.getProjectIdentifier(),
                    String.class);
            if (Refs.blank(name)) {
                throw new IllegalArgumentException(what + " needs the project's name: a String body, a Map with name,"
                        + " the header " + AnnoLabConstants.PROJECT_IDENTIFIER + " or the option projectIdentifier");
            }
            return new NewProject(Refs.group(c), name.strip(), false);
        }, ProjectBindings::write);
    }

    /** The project from the header or the option, else from a String or number body. */
    public Binding<ProjectRef, AnnoLabProject> get() {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            ProjectRef ref = Refs.optionalProject(in, c);
            if (ref == null && (in.getBody() instanceof CharSequence || in.getBody() instanceof Number)) {
                ref = new ProjectRef(Refs.group(c), in.getBody().toString().strip());
            }
            if (ref == null || ref.project().isBlank()) {
                throw new IllegalArgumentException("annolab:get-project needs a project: set projectIdentifier, the"
                        + " header " + AnnoLabConstants.PROJECT_IDENTIFIER + ", or put its id or name in the body");
            }
            return ref;
        }, ProjectBindings::write);
    }

    public Binding<ProjectRef, List<AnnoLabProject>> list() {
        return Binding.of(ex -> new ProjectRef(Refs.group(c), ""), (ex, projects) -> ex.getMessage().setBody(projects));
    }

    /** The name from a String body, else the CamelAnnoLabDirectoryIdentifier header or the option. */
    public Binding<NewDirectory, AnnoLabDirectory> createDirectory() {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            String what = "annolab:create-directory";
            String name = in.getBody() instanceof CharSequence text && !text.toString().isBlank()
                    ? text.toString().strip() : Refs.directory(in, c);
            if (name == null) {
                throw new IllegalArgumentException(what + " needs the directory's name: a String body, the header "
                        + AnnoLabConstants.DIRECTORY_IDENTIFIER + " or the option directoryIdentifier");
            }
            return new NewDirectory(Refs.project(in, c, what), name);
        }, (ex, directory) -> {
            ex.getMessage().setHeader(AnnoLabConstants.DIRECTORY_IDENTIFIER, directory.name());
            ex.getMessage().setBody(directory);
        });
    }

    private static void write(Exchange ex, AnnoLabProject project) {
        ex.getMessage().setHeader(AnnoLabConstants.PROJECT_ID, project.id());
        ex.getMessage().setBody(project);
    }
}
