package io.camelinference.benchmarks;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line: {@code --name value} pairs, each with a default (see {@link #DEFAULTS}). */
final class Settings {

    /** Every option and its default, in the order the README lists them. */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("scenarios", "throughput,pending,deepomatic,commsmining,labelstudio,upload");
        d.put("requests", "20000");
        d.put("warmup", "20000");
        d.put("rounds", "5");
        d.put("pending-jobs", "10000");
        d.put("scale-jobs", "100000");
        d.put("check-cap", "5000");
        d.put("slow-model-millis", "30000");
        d.put("deepomatic-jobs", "1000");
        d.put("commsmining-documents", "100000");
        d.put("upload-mib", "1024");
        d.put("uploads", "8");
        d.put("upload-rounds", "2");
        d.put("results", "");
        // set by the parent for a forked scenario
        d.put("child", "");
        d.put("emulator", "");
        d.put("section", "");
        return d;
    }

    private final Map<String, String> values;
    private final List<String> given;

    private Settings(Map<String, String> values, List<String> given) {
        this.values = values;
        this.given = given;
    }

    static Settings parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        List<String> given = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : args[i];
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: --"
                        + String.join(", --", DEFAULTS.keySet()));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(name, args[i + 1]);
            if (!Set.of("child", "emulator", "section").contains(name)) {
                given.add(args[i]);
                given.add(args[i + 1]);
            }
        }
        return new Settings(values, given);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    long number(String name) {
        return Long.parseLong(values.get(name));
    }

    String text(String name) {
        return values.get(name);
    }

    Set<String> scenarios() {
        return Set.of(values.get("scenarios").split(","));
    }

    /** The options the user gave, to hand on to a forked scenario. */
    List<String> given() {
        return given;
    }

    /** benchmarks/results when run from benchmarks/target/benchmarks.jar, else ./results. */
    Path results() {
        if (!values.get("results").isEmpty()) {
            return Paths.get(values.get("results"));
        }
        try {
            Path code = Paths.get(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();
            if (code.toString().endsWith(".jar") && target != null && target.getFileName().toString().equals("target")) {
                return target.resolveSibling("results");
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through
        }
        return Paths.get("results");
    }
}
