package io.camelinference.examples.scaleout;

import org.apache.camel.main.Main;

/**
 * One replica: Camel Main with the pipeline of {@link DocumentRoutes} (and the stream of {@link StreamRoutes} when
 * enabled), wired by {@link ScaleOutSetup} from {@code application.properties}, system properties and environment
 * variables (KAFKA_BROKERS, JOBS_JDBC_URL, ...). Run as many as you like, with the same settings and a different
 * {@code scaleout.replica} each (on Kubernetes the pod name, HOSTNAME, is the default).
 */
public final class ReplicaApplication {

    private ReplicaApplication() {
    }

    public static void main(String[] args) throws Exception {
        // started by LocalCluster: do not outlive it, even when it is killed
        String parent = System.getProperty("scaleout.exit-with-pid");
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)), () -> Runtime.getRuntime().halt(3));
        }
        Main main = new Main();
        main.configure().addConfiguration(ScaleOutSetup.class);
        main.run(args);
    }
}
