package io.camelinference.deepomatic;

import java.time.Duration;

import io.camelinference.common.billing.Billing;
import io.camelinference.common.component.InferenceProducer;
import io.camelinference.deepomatic.binding.InferenceBinding;
import io.camelinference.deepomatic.binding.NetworkBindings;
import io.camelinference.deepomatic.binding.SpecBindings;
import io.camelinference.deepomatic.binding.TaskBindings;
import io.camelinference.deepomatic.binding.VersionBindings;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.operation.InferenceOperation;
import io.camelinference.deepomatic.operation.NetworkOperations;
import io.camelinference.deepomatic.operation.SpecOperations;
import io.camelinference.deepomatic.operation.TaskChecks;
import io.camelinference.deepomatic.operation.TaskOperations;
import io.camelinference.deepomatic.operation.VersionOperations;

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
                new InferenceOperation(jobs(), context), Billing.perItem(call -> call.images().size()));

        SpecOperations specs = new SpecOperations(client);
        bind(DeepomaticOperation.specs, SpecBindings.list(configuration), specs.list());
        bind(DeepomaticOperation.spec, SpecBindings.get(configuration), specs.get());
        bind(DeepomaticOperation.createSpec, SpecBindings.create(), specs.create());
        bind(DeepomaticOperation.updateSpec, SpecBindings.update(configuration), specs.update());
        bind(DeepomaticOperation.deleteSpec, SpecBindings.delete(configuration), specs.delete());

        VersionOperations versions = new VersionOperations(client);
        bind(DeepomaticOperation.specVersions, VersionBindings.ofSpec(configuration), versions.ofSpec());
        bind(DeepomaticOperation.versions, VersionBindings.list(), versions.list());
        bind(DeepomaticOperation.version, VersionBindings.get(configuration), versions.get());
        bind(DeepomaticOperation.createVersion, VersionBindings.create(), versions.create());
        bind(DeepomaticOperation.deleteVersion, VersionBindings.delete(configuration), versions.delete());

        NetworkOperations networks = new NetworkOperations(client, runtime().tempDirectory());
        bind(DeepomaticOperation.networks, NetworkBindings.list(configuration), networks.list());
        bind(DeepomaticOperation.network, NetworkBindings.get(configuration), networks.get());
        bind(DeepomaticOperation.createNetwork, NetworkBindings.create(), networks.create());
        bind(DeepomaticOperation.updateNetwork, NetworkBindings.update(configuration), networks.update());
        bind(DeepomaticOperation.deleteNetwork, NetworkBindings.delete(configuration), networks.delete());
        bind(DeepomaticOperation.account, NetworkBindings.account(), networks.account());

        TaskOperations tasks = new TaskOperations(client);
        bind(DeepomaticOperation.task, TaskBindings.get(), tasks.get());
        bind(DeepomaticOperation.tasks, TaskBindings.list(), tasks.list());
    }
}
