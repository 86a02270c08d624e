package io.camelinference.examples.scaleout;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelinference.commsmining.CommsMiningComponent;
import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.deepomatic.DeepomaticComponent;
import io.camelinference.jdbc.JdbcJobStore;
import io.camelinference.unitypredict.UnityPredictComponent;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * Wires a replica from its properties: one HikariCP pool on the shared database for the job store (and the stream's
 * idempotent repository), the inference component of the pipeline with that job store, the batch processor, the
 * stream route on a cluster service when enabled, and the replica's figures. API keys come from the components' own
 * environment variables (UNITYPREDICT_API_KEY, DEEPOMATIC_API_KEY, COMMSMINING_API_TOKEN), the database password from
 * JOBS_PASSWORD: neither is a Camel property, so neither shows in Camel's property logs.
 */
public final class ScaleOutSetup implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        String replica = property(context, "scaleout.replica");
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("scale-out-jobs");
        pool.setJdbcUrl(property(context, "jobs.jdbc-url"));
        pool.setUsername(property(context, "jobs.username"));
        pool.setPassword(System.getenv("JOBS_PASSWORD"));
        pool.setMaximumPoolSize(Integer.parseInt(property(context, "jobs.pool-size")));
        pool.setConnectionTimeout(5_000);
        pool.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(pool);

        JdbcJobStore jobs = new JdbcJobStore(dataSource);
        jobs.setOwner(replica);
        jobs.setLease(Long.parseLong(property(context, "jobs.lease-ms")));
        jobs.setTimeToLive(Long.parseLong(property(context, "jobs.time-to-live-ms")));
        context.addService(jobs, true, true);
        context.addService(new org.apache.camel.support.service.ServiceSupport() {
            @Override
            protected void doStop() {
                dataSource.close();
            }
        }, true, true);

        String stats = context.resolvePropertyPlaceholders("{{scaleout.stats-file:}}");
        ReplicaStats figures = new ReplicaStats(context, replica, stats.isBlank() ? null : Paths.get(stats), jobs::stats);
        context.addService(figures, true, true);
        context.getRegistry().bind("replicaStats", figures);

        if (enabled(context, "scaleout.documents.enabled")) {
            String service = property(context, "scaleout.service");
            InferenceComponentSupport component = "deepomatic".equals(service) ? new DeepomaticComponent()
                    : new UnityPredictComponent();
            baseUrl(context, component, service);
            component.componentConfiguration().setJobStore(jobs);
            component.componentConfiguration().setJobStateTtl(jobs.getTimeToLive());
            component.componentConfiguration().setRequestTimeout(Long.parseLong(property(context,
                    "scaleout.request-timeout-ms")));
            context.addComponent(service, component);
            context.getRegistry().bind("recordCommits", new RecordCommits());
            context.getRegistry().bind("recordBatch", new RecordBatch("direct:document", property(context,
                    "kafka.brokers"), property(context, "scaleout.output-topic"), property(context,
                    "scaleout.failed-topic"), replica, figures));
            context.addRoutes(new DocumentRoutes());
        }
        if (enabled(context, "scaleout.stream.enabled")) {
            CommsMiningComponent commsmining = new CommsMiningComponent();
            baseUrl(context, commsmining, "commsmining");
            context.addComponent("commsmining", commsmining);
            if ("file".equals(property(context, "cluster.service"))) {
                // one machine (or a shared volume): a file lock; on Kubernetes set cluster.service=none and let Camel
                // Main configure its Kubernetes cluster service (camel.cluster.kubernetes.enabled=true: leases)
                FileLockClusterService cluster = new FileLockClusterService();
                cluster.setId(replica);
                Path root = Paths.get(property(context, "cluster.root"));
                cluster.setRoot(root.toString());
                cluster.setAcquireLockDelay(1, TimeUnit.SECONDS);
                cluster.setAcquireLockInterval(1, TimeUnit.SECONDS);
                cluster.setHeartbeatTimeoutMultiplier(3);
                context.addService(cluster);
            }
            JdbcMessageIdRepository seen = new JdbcMessageIdRepository(dataSource, "scale-out-stream");
            // camel-sql creates its table unguarded, which replicas starting together race for: made here, once
            seen.setCreateTableIfNotExists(false);
            StreamSeenTable.create(dataSource);
            context.getRegistry().bind("streamSeen", seen);
            context.addRoutes(new StreamRoutes(figures));
        }
    }

    private static void baseUrl(CamelContext context, InferenceComponentSupport component, String scheme) {
        String base = context.resolvePropertyPlaceholders("{{" + scheme + ".base-url:}}");
        if (!base.isBlank()) {
            component.componentConfiguration().setBaseUrl(base);
        }
    }

    private static boolean enabled(CamelContext context, String key) {
        return Boolean.parseBoolean(property(context, key));
    }

    private static String property(CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}");
    }
}
