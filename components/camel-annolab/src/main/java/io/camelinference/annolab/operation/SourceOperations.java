package io.camelinference.annolab.operation;

import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.ServiceMessage;
import io.camelinference.common.operation.Operation;

/**
 * get-source and delete-source, by id ({@code /v1/source/{id}}) or by path
 * ({@code /v1/source/{group}/{project}/{directory}/{name}}, the SDK's find_source and delete_using_name).
 */
public final class SourceOperations {

    private final AnnoLabClient client;
    private final Projects projects;

    public SourceOperations(AnnoLabClient client, Projects projects) {
        this.client = client;
        this.projects = projects;
    }

    public Operation<SourceRef, AnnoLabSource> get() {
        return ref -> ref.id() != null ? client.source(ref.id()) : projects.path(ref)
                .thenCompose(p -> client.findSource(p.group(), p.project(), p.directory(), p.name()));
    }

    /** Deletes the source with its annotations (and their relations); answers the service's message. */
    public Operation<SourceRef, ServiceMessage> delete() {
        return ref -> ref.id() != null ? client.deleteSource(ref.id()) : projects.path(ref)
                .thenCompose(p -> client.deleteSource(p.group(), p.project(), p.directory(), p.name()));
    }
}
