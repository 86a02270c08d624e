package io.camelinference.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.main.Main;

/**
 * Runs YAML routes without writing code, like {@code camel run} (Camel JBang, which is not available here): Camel
 * Main with the YAML DSL, every component of this project and its Kamelets. It stops on Ctrl-C, or by itself with
 * Camel Main's own settings ({@code --prop camel.main.durationMaxIdleSeconds=10},
 * {@code camel.main.durationMaxMessages}).
 */
public final class CamelRun {

    private CamelRun() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs until Camel stops; returns the exit code (0 when it stopped normally, 2 for a wrong command line). */
    public static int run(String... args) throws Exception {
        RunArguments arguments;
        try {
            arguments = RunArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (arguments.help()) {
            System.out.println(RunArguments.USAGE);
            return 0;
        }
        Set<String> declared = RouteDependencies.declared(arguments.routes());
        List<String> missing = RouteDependencies.missing(declared, CamelRun.class.getClassLoader());
        if (!missing.isEmpty()) {
            System.err.println("The routes declare dependencies this launcher does not have: " + missing
                    + ". Put their jars on the classpath: java -cp 'camel-inference-run.jar:lib/*:extra/*' "
                    + CamelRun.class.getName() + " ...");
            return 2;
        }
        Main main = new Main();
        main.setInitialProperties(arguments.properties());
        main.configure().withRoutesIncludePattern(arguments.routes().stream()
                .map(p -> "file:" + p.toAbsolutePath().normalize().toString().replace('\\', '/'))
                .collect(Collectors.joining(",")));
        main.configure().withName(name(arguments.routes().get(0)));
        main.run();
        return main.getExitCode();
    }

    private static String name(Path route) {
        String file = route.getFileName().toString();
        return file.replaceFirst("(\\.camel)?\\.ya?ml$", "");
    }
}
