package io.camelinference.annolab;

import io.camelinference.annolab.binding.AnnotationBindings;
import io.camelinference.annolab.binding.CreateSourceBinding;
import io.camelinference.annolab.binding.ExportBinding;
import io.camelinference.annolab.binding.ImportBinding;
import io.camelinference.annolab.binding.InferBinding;
import io.camelinference.annolab.binding.ProjectBindings;
import io.camelinference.annolab.binding.SchemaBindings;
import io.camelinference.annolab.binding.SourceBindings;
import io.camelinference.annolab.binding.StatusBinding;
import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.annolab.client.AnnotationClient;
import io.camelinference.annolab.client.ProjectClient;
import io.camelinference.annolab.operation.AnnotationOperations;
import io.camelinference.annolab.operation.CreateSourceOperation;
import io.camelinference.annolab.operation.ExportOperation;
import io.camelinference.annolab.operation.ExportSteps;
import io.camelinference.annolab.operation.ImportOperation;
import io.camelinference.annolab.operation.InferOperation;
import io.camelinference.annolab.operation.ProjectOperations;
import io.camelinference.annolab.operation.Projects;
import io.camelinference.annolab.operation.SchemaOperations;
import io.camelinference.annolab.operation.SourceOperations;
import io.camelinference.annolab.operation.SourceSteps;
import io.camelinference.annolab.operation.StatusOperation;
import io.camelinference.common.billing.Billing;
import io.camelinference.common.component.InferenceProducer;

import static io.camelinference.annolab.AnnoLabOperation.*;

/** Binds each AnnoLab operation to the class that carries it out; the engine does the rest. */
final class AnnoLabProducer extends InferenceProducer<AnnoLabOperation> {

    AnnoLabProducer(AnnoLabEndpoint endpoint) {
        super(endpoint, AnnoLabOperation.class, AnnoLabConstants.OPERATION, endpoint.getOperation());
        AnnoLabConfiguration c = endpoint.getConfiguration();
        AnnoLabClient client = new AnnoLabClient(http());
        ProjectClient projectClient = new ProjectClient(http());
        AnnotationClient annotationClient = new AnnotationClient(http());
        Projects projects = new Projects(projectClient, client);
        SourceSteps sources = new SourceSteps(client);
        ExportSteps exports = new ExportSteps(client, poller(), runtime().tempDirectory());
        bind(infer, new InferBinding(c, endpoint.jobKeyHeader()), new InferOperation(client, sources, exports, jobs(),
                poller(), c.pollSchedule(), c.getJobStateTtl(), runtime().tempDirectory()),
                Billing.perItem(call -> call.document() != null ? 1 : call.sourceIds().size()));
        bind(AnnoLabOperation.status, new StatusBinding(), new StatusOperation(client));
        bind(createSource, new CreateSourceBinding(c), new CreateSourceOperation(sources, runtime().tempDirectory()));
        bind(export, new ExportBinding(c), new ExportOperation(exports, c.pollSchedule()));

        ProjectBindings p = new ProjectBindings(c);
        ProjectOperations projectOperations = new ProjectOperations(projectClient, projects);
        bind(apiKeyInfo, p.apiKeyInfo(), projectOperations.apiKeyInfo());
        bind(createProject, p.create(), projectOperations.create());
        bind(getProject, p.get(), projectOperations.get());
        bind(listProjects, p.list(), projectOperations.list());
        bind(createDirectory, p.createDirectory(), projectOperations.createDirectory());
        SourceBindings s = new SourceBindings(c);
        SourceOperations sourceOperations = new SourceOperations(client, projects);
        bind(getSource, s.get(), sourceOperations.get());
        bind(deleteSource, s.delete(), sourceOperations.delete());
        AnnotationBindings a = new AnnotationBindings(c);
        AnnotationOperations annotations = new AnnotationOperations(annotationClient, projects);
        bind(createAnnotations, a.createOnSource(), annotations.createOnSource());
        bind(bulkCreateAnnotations, a.bulkCreate(), annotations.bulkCreate());
        bind(createRelations, a.createRelations(), annotations.createRelations());
        bind(bulkCreateRelations, a.bulkCreateRelations(), annotations.bulkCreateRelations());
        bind(importAnnotations, new ImportBinding(c), new ImportOperation(annotationClient, projects));
        SchemaBindings schema = new SchemaBindings(c);
        SchemaOperations schemaOperations = new SchemaOperations(annotationClient, projects);
        bind(createLayer, schema.createLayer(), schemaOperations.createLayer());
        bind(createAnnotationType, schema.createAnnotationType(), schemaOperations.createAnnotationType());
    }
}
