package io.camelinference.karaf;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Jar;

/**
 * Finds the jar a bundle location names (mvn:group/artifact/version) among the jars of this build, the test's class
 * path (so features.xml cannot name a version the build does not use), and wraps jars without OSGi headers with bnd,
 * as Karaf's wrap: URL handler does on install.
 */
final class BundleJars {

    private static final List<Path> CLASSPATH = Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator)).map(Path::of).toList();

    private BundleJars() {
    }

    /** The class-path jar of {@code mvn:group/artifact/version}; fails naming the location when the build lacks it. */
    static Path find(String mvnUrl) {
        String[] gav = mvnUrl.substring("mvn:".length()).split("/");
        String file = gav[1] + "-" + gav[2] + ".jar";
        return CLASSPATH.stream().filter(p -> p.getFileName().toString().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError(mvnUrl + " is not a jar of this build (" + file + ")"));
    }

    /** The jar of a component ({@code camel-<scheme>-<version>.jar}) on the class path. */
    static Path componentJar(String scheme) {
        String prefix = "camel-" + scheme + "-";
        return CLASSPATH.stream().filter(p -> p.getFileName().toString().startsWith(prefix))
                .filter(p -> p.toString().endsWith(".jar")).findFirst()
                .orElseThrow(() -> new AssertionError("no jar of camel-" + scheme + " on the class path (the test"
                        + " reads what ships: run it after package)"));
    }

    /** The Camel jars of the class path: what camel-karaf's features install on a real Karaf. */
    static List<Path> camelJars() {
        return CLASSPATH.stream().filter(p -> p.toString().replace('\\', '/').contains("/org/apache/camel/camel-"))
                .filter(p -> p.toString().endsWith(".jar")).toList();
    }

    static boolean isBundle(Path jar) throws Exception {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            return m != null && m.getMainAttributes().getValue("Bundle-SymbolicName") != null;
        }
    }

    /** Wraps a plain jar into a bundle with the given headers (wrap: URL instructions), written under {@code dir}. */
    static Path wrap(Path jar, Properties instructions, Path dir) throws Exception {
        Path out = dir.resolve("wrapped-" + jar.getFileName());
        try (Analyzer analyzer = new Analyzer(); Jar content = new Jar(jar.toFile())) {
            analyzer.setJar(content);
            analyzer.setProperties(instructions);
            content.setManifest(analyzer.calcManifest());
            content.write(out.toFile());
            if (!analyzer.getErrors().isEmpty()) {
                throw new AssertionError("wrapping " + jar + ": " + analyzer.getErrors());
            }
        }
        return out;
    }

    /** Camel's default for a jar without headers: export every package, import what is there. */
    static Properties camelWrap(Path jar) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        String version = name.substring(name.lastIndexOf('-') + 1);
        Properties p = new Properties();
        p.setProperty("Bundle-SymbolicName", "org.apache.camel." + name.substring(0, name.lastIndexOf('-')));
        p.setProperty("Bundle-Version", version);
        p.setProperty("Export-Package", "*;version=" + version);
        p.setProperty("Import-Package", "*;resolution:=optional");
        return p;
    }

    /** The instructions after the $ of a wrap: URL. */
    static Properties instructions(String wrapUrl) {
        Properties p = new Properties();
        int dollar = wrapUrl.indexOf('$');
        if (dollar > 0) {
            for (String pair : wrapUrl.substring(dollar + 1).split("&")) {
                int eq = pair.indexOf('=');
                p.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return p;
    }
}
