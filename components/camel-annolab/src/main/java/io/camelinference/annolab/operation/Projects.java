package io.camelinference.annolab.operation;

import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.annolab.client.ProjectClient;
import io.camelinference.annolab.model.AnnoLabProject;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.ApiKeyInfo;
import io.camelinference.common.error.InferenceException;

import static io.camelinference.annolab.operation.SourceSteps.PROVIDER;

/**
 * Resolving what a message names into what a call takes, as the SDK does: a missing group is the key's own
 * single-user group (its {@code default_owner}, read once per producer from {@code GET /v1/api-key/info}); a project
 * is read for its id (the SDK's layer, type and bulk calls name projects by id), its name and default directory (its
 * by-path calls); a source by id is read for its path.
 */
public final class Projects {

    private final ProjectClient projects;
    private final AnnoLabClient sources;
    private volatile CompletableFuture<String> defaultOwner;

    public Projects(ProjectClient projects, AnnoLabClient sources) {
        this.projects = projects;
        this.sources = sources;
    }

    /** The group named, or the key's own group. */
    public CompletableFuture<String> group(String named) {
        if (named != null) {
            return CompletableFuture.completedFuture(named);
        }
        CompletableFuture<String> known = defaultOwner;
        if (known == null || known.isCompletedExceptionally()) {
            known = projects.apiKeyInfo().thenApply(info -> info.defaultOwner().map(ApiKeyInfo.Group::groupName)
                    .orElseThrow(() -> new InferenceException(PROVIDER, "No groupName is set and the API key has no"
                            + " single-user group (GET /v1/api-key/info lists none with isSingleUser: true) to use"
                            + " as the default owner: set groupName")));
            defaultOwner = known;
        }
        return known;
    }

    /** The project, read by id or by name in its group. */
    public CompletableFuture<AnnoLabProject> project(ProjectRef ref) {
        return group(ref.group()).thenCompose(group -> projects.project(group, ref.project()));
    }

    /** The project's id: as given when it is digits, else read. */
    public CompletableFuture<Long> id(ProjectRef ref) {
        if (ref.byId()) {
            return CompletableFuture.completedFuture(Long.parseLong(ref.project()));
        }
        return project(ref).thenApply(p -> {
            if (p.id() == null) {
                throw new InferenceException(PROVIDER, "AnnoLab answered project '" + ref.project() + "' without its id");
            }
            return p.id();
        });
    }

    /**
     * The source's path: a source named by id is read (its project, directory and name) and its project too (its
     * group); a named one needs its project read only for a name (given as an id) or a default directory.
     */
    public CompletableFuture<SourcePath> path(SourceRef ref) {
        if (ref.id() != null) {
            return sources.source(ref.id()).thenCompose((AnnoLabSource s) -> projects.project(null,
                    String.valueOf(s.projectId())).thenApply(p -> new SourcePath(p.groupName(), p.name(),
                    s.directoryName(), s.name() != null ? s.name() : s.sourceName())));
        }
        ProjectRef project = ref.project();
        return group(project.group()).thenCompose(group -> {
            if (!project.byId() && ref.directory() != null) {
                return CompletableFuture.completedFuture(new SourcePath(group, project.project(), ref.directory(),
                        ref.name()));
            }
            return projects.project(group, project.project()).thenApply(p -> {
                String directory = ref.directory() != null ? ref.directory() : p.defaultDirectory();
                if (directory == null || directory.isBlank()) {
                    throw new InferenceException(PROVIDER, "AnnoLab named no defaultDirectory for project "
                            + p.name() + ", so " + ref.describe() + " cannot be found: set directoryIdentifier");
                }
                return new SourcePath(group, p.name(), directory, ref.name());
            });
        });
    }
}
