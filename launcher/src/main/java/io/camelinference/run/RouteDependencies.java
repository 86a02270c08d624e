package io.camelinference.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dependencies a route file declares for Camel K and Camel JBang, read the way they read them: JBang's
 * {@code //DEPS group:artifact:version} (in YAML behind a comment sign) and Camel K's modeline
 * {@code # camel-k: dependency=mvn:group:artifact:version} (or {@code camel:name}). The launcher cannot download
 * anything, so it checks that each one is on its classpath and says which are not, before Camel starts, instead of
 * failing later on an unknown scheme.
 */
final class RouteDependencies {

    private RouteDependencies() {
    }

    /** Every dependency the files declare, as group:artifact (version left out: the classpath has one). */
    static Set<String> declared(List<Path> routes) throws IOException {
        Set<String> answer = new LinkedHashSet<>();
        for (Path route : routes) {
            for (String line : Files.readAllLines(route)) {
                String text = line.strip();
                while (text.startsWith("#") || (text.startsWith("/") && !text.startsWith("//DEPS"))) {
                    text = text.substring(1).strip();
                }
                if (text.startsWith("//DEPS")) {
                    for (String dep : text.substring("//DEPS".length()).trim().split("\\s+")) {
                        add(answer, dep);
                    }
                } else if (text.startsWith("camel-k:")) {
                    for (String trait : text.substring("camel-k:".length()).trim().split("\\s+")) {
                        if (trait.startsWith("dependency=")) {
                            add(answer, trait.substring("dependency=".length()));
                        }
                    }
                }
            }
        }
        return answer;
    }

    /** The declared dependencies this launcher does not have. */
    static List<String> missing(Set<String> declared, ClassLoader classLoader) {
        List<String> answer = new ArrayList<>();
        for (String dep : declared) {
            String[] ga = dep.split(":");
            String resource = "META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties";
            if (classLoader.getResource(resource) == null) {
                answer.add(dep);
            }
        }
        return answer;
    }

    private static void add(Set<String> into, String dep) {
        String d = dep.startsWith("mvn:") ? dep.substring(4) : dep;
        if (d.isBlank() || d.endsWith("@pom")) {
            return;
        }
        if (d.startsWith("camel:")) {
            into.add("org.apache.camel:camel-" + d.substring("camel:".length()));
            return;
        }
        String[] parts = d.split(":");
        if (parts.length >= 2) {
            into.add(parts[0] + ":" + parts[1]);
        }
    }
}
