package io.camelinference.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The command line of the launcher, as camel run takes it: route files, then properties given with
 * {@code --prop key=value} (repeatable) and {@code --properties file} (repeatable; later ones and --prop win).
 * Properties are placeholders for the routes and Camel Main settings alike
 * ({@code camel.component.unitypredict.base-url}, {@code camel.main.durationMaxIdleSeconds}).
 *
 * @param routes     the route files, in the order given
 * @param properties every property, files first, then --prop in order
 * @param help       whether --help was asked for
 */
record RunArguments(List<Path> routes, Properties properties, boolean help) {

    static final String USAGE = """
            Usage: java -jar camel-inference-run.jar <route.camel.yaml>... [--prop key=value]... [--properties file]...

            Runs Camel YAML routes with the five inference components, their Kamelets and Camel's file, HTTP, JSON,
            log, timer and platform-http components, as camel run does. Properties are route placeholders and Camel
            settings alike, e.g.
              --prop camel.component.unitypredict.base-url=http://127.0.0.1:8787/api
              --prop camel.main.durationMaxIdleSeconds=10      (stop after 10 s without messages)
            Keys: prefer the services' environment variables (UNITYPREDICT_API_KEY, ...) or a properties file to
            --prop, which other users of the machine can see in the process list.
            """;

    /** Parses the arguments; fails with a message naming the wrong argument. */
    static RunArguments parse(String... args) throws IOException {
        List<Path> routes = new ArrayList<>();
        Properties properties = new Properties();
        Properties inline = new Properties();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--prop", "--property" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(arg + " takes key=value, got: " + pair);
                    }
                    inline.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                }
                case "--properties" -> load(Path.of(value(args, ++i, arg)), properties);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                    }
                    Path route = Path.of(arg);
                    if (!Files.isRegularFile(route)) {
                        throw new IllegalArgumentException("no route file " + route.toAbsolutePath());
                    }
                    routes.add(route);
                }
            }
        }
        properties.putAll(inline);
        if (routes.isEmpty() && !help) {
            throw new IllegalArgumentException("no route file given\n" + USAGE);
        }
        return new RunArguments(List.copyOf(routes), properties, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void load(Path file, Properties into) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no properties file " + file.toAbsolutePath());
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(in);
        }
    }
}
