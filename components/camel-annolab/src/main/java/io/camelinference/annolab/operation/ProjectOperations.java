package io.camelinference.annolab.operation;

import java.util.List;

import io.camelinference.annolab.client.ProjectClient;
import io.camelinference.annolab.model.AnnoLabDirectory;
import io.camelinference.annolab.model.AnnoLabProject;
import io.camelinference.annolab.model.ApiKeyInfo;
import io.camelinference.annolab.model.DirectoryRequest;
import io.camelinference.annolab.model.ProjectRequest;
import io.camelinference.common.operation.Operation;

/** The key and project operations: api-key-info, create-project, get-project, list-projects, create-directory. */
public final class ProjectOperations {

    /**
     * A project to create.
     *
     * @param group null for the key's own group (the SDK's default owner)
     */
    public record NewProject(String group, String name, boolean isPublic) {
    }

    /** A directory to create in a project. */
    public record NewDirectory(ProjectRef project, String name) {
    }

    private final ProjectClient client;
    private final Projects projects;

    public ProjectOperations(ProjectClient client, Projects projects) {
        this.client = client;
        this.projects = projects;
    }

    public Operation<Void, ApiKeyInfo> apiKeyInfo() {
        return nothing -> client.apiKeyInfo();
    }

    public Operation<NewProject, AnnoLabProject> create() {
        return p -> projects.group(p.group()).thenCompose(group -> client.createProject(new ProjectRequest(p.name(),
                group, p.isPublic())));
    }

    public Operation<ProjectRef, AnnoLabProject> get() {
        return projects::project;
    }

    /** The group's projects; all the key's groups' when no group is set. */
    public Operation<ProjectRef, List<AnnoLabProject>> list() {
        return ref -> client.listProjects(ref.group());
    }

    /** The project named by id is sent as its id, by name with its group. */
    public Operation<NewDirectory, AnnoLabDirectory> createDirectory() {
        return d -> projects.group(d.project().group()).thenCompose(group -> client.createDirectory(
                new DirectoryRequest(d.project().byId() ? (Object) Long.parseLong(d.project().project())
                        : d.project().project(), group, d.name())));
    }
}
