package io.camelinference.deepomatic;

import java.time.Duration;

import io.camelinference.common.component.InferenceProducer;
import io.camelinference.deepomatic.binding.InferenceBinding;
import io.camelinference.deepomatic.binding.SpecBindings;
import io.camelinference.deepomatic.binding.TaskBindings;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.operation.InferenceOperation;
import io.camelinference.deepomatic.operation.SpecOperations;
import io.camelinference.deepomatic.operation.TaskChecks;
import io.camelinference.deepomatic.operation.TaskOperations;

/** Binds each Deepomatic operation to the class that carries it out; the engine does the rest. */
final class DeepomaticProducer extends InferenceProducer<DeepomaticOperation> {

    DeepomaticProducer(DeepomaticEndpoint endpoint) {
        super(endpoint, DeepomaticOperation.class, DeepomaticConstants.OPERATION, endpoint.getOperation());
        DeepomaticConfiguration configuration = endpoint.getConfiguration();
        DeepomaticClient client = new DeepomaticClient(http());
        // the tasks all exchanges of this endpoint wait for are checked together, many ids per request
        TaskChecks checks = new TaskChecks(client, runtime().scheduler(),
                Duration.ofMillis(configuration.getTaskBatchWindow()), configuration.getTaskBatchSize());
        InferenceOperation.Context context = new InferenceOperation.Context(client, checks, poller(),
                configuration.pollSchedule(), runtime().tempDirectory(), Duration.ofMillis(configuration.getJobStateTtl()));
        bind(DeepomaticOperation.inference, new InferenceBinding(configuration, endpoint.jobKeyHeader()),
                new InferenceOperation(jobs(), context));

        SpecOperations specs = new SpecOperations(client);
        bind(DeepomaticOperation.specs, SpecBindings.list(configuration), specs.list());
        bind(DeepomaticOperation.spec, SpecBindings.get(configuration), specs.get());
        bind(DeepomaticOperation.createSpec, SpecBindings.create(), specs.create());
        bind(DeepomaticOperation.updateSpec, SpecBindings.update(configuration), specs.update());
        bind(DeepomaticOperation.deleteSpec, SpecBindings.delete(configuration), specs.delete());

        TaskOperations tasks = new TaskOperations(client);
        bind(DeepomaticOperation.task, TaskBindings.get(), tasks.get());
        bind(DeepomaticOperation.tasks, TaskBindings.list(), tasks.list());
    }
}
