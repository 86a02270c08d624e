package io.camelinference.annolab;

import io.camelinference.annolab.binding.CreateSourceBinding;
import io.camelinference.annolab.binding.ExportBinding;
import io.camelinference.annolab.binding.InferBinding;
import io.camelinference.annolab.binding.StatusBinding;
import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.annolab.operation.CreateSourceOperation;
import io.camelinference.annolab.operation.ExportOperation;
import io.camelinference.annolab.operation.ExportSteps;
import io.camelinference.annolab.operation.InferOperation;
import io.camelinference.annolab.operation.SourceSteps;
import io.camelinference.annolab.operation.StatusOperation;
import io.camelinference.common.component.InferenceProducer;

/** Binds each AnnoLab operation to the class that carries it out; the engine does the rest. */
final class AnnoLabProducer extends InferenceProducer<AnnoLabOperation> {

    AnnoLabProducer(AnnoLabEndpoint endpoint) {
        super(endpoint, AnnoLabOperation.class, AnnoLabConstants.OPERATION, endpoint.getOperation());
        AnnoLabConfiguration configuration = endpoint.getConfiguration();
        AnnoLabClient client = new AnnoLabClient(http());
        SourceSteps sources = new SourceSteps(client);
        ExportSteps exports = new ExportSteps(client, poller(), runtime().tempDirectory());
        InferBinding infer = new InferBinding(configuration, endpoint.jobKeyHeader(), runtime().tempDirectory());
        bind(AnnoLabOperation.infer, infer, new InferOperation(client, sources, exports, jobs(), poller(),
                configuration.pollSchedule(), configuration.getJobStateTtl()));
        bind(AnnoLabOperation.status, new StatusBinding(), new StatusOperation(client));
        bind(AnnoLabOperation.createSource, new CreateSourceBinding(configuration, runtime().tempDirectory()),
                new CreateSourceOperation(sources));
        bind(AnnoLabOperation.export, new ExportBinding(configuration),
                new ExportOperation(exports, configuration.pollSchedule()));
    }
}
