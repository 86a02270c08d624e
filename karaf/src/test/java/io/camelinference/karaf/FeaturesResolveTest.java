package io.camelinference.karaf;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs what features.xml's camel-inference feature installs into a real OSGi framework (Apache Felix 7) and starts
 * it: every bundle must resolve (imports wired, optional ones allowed to stay unwired) and start, and every component
 * must be found by its scheme and created from its bundle. Camel's own bundles come from camel-karaf's features on a
 * real Karaf; those features (Camel 4.18) are not available here, so the test wraps the Camel jars of the build with
 * bnd (every package exported, imports optional), as camel-karaf's features do for Camel 4's jars, which have no OSGi
 * headers.
 */
class FeaturesResolveTest {

    private static final List<String> SCHEMES = List.of("unitypredict", "deepomatic", "annolab", "commsmining",
            "labelstudio");

    @TempDir
    static Path dir;

    private static Framework framework;
    private static final Map<String, Bundle> bundles = new LinkedHashMap<>();
    private static final List<String> externalFeatures = new ArrayList<>();
    private static final List<String> startFailures = new ArrayList<>();

    @BeforeAll
    static void installTheFeatures() throws Exception {
        FeaturesXml features;
        try (InputStream in = FeaturesResolveTest.class.getClassLoader().getResourceAsStream("features.xml")) {
            features = FeaturesXml.read(in);
        }
        List<String> locations = features.bundlesOf("camel-inference", externalFeatures);

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Karaf provides SLF4J (pax-logging); here the host's SLF4J is exported by the system bundle
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=2.0.17,org.slf4j.spi;version=2.0.17,"
                + "org.slf4j.helpers;version=2.0.17,org.slf4j.event;version=2.0.17");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();

        List<Bundle> installed = new ArrayList<>();
        for (Path camel : BundleJars.camelJars()) {
            Path jar = BundleJars.isBundle(camel) ? camel : BundleJars.wrap(camel, BundleJars.camelWrap(camel), dir);
            installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
        }
        for (String location : locations) {
            Path jar;
            if (location.startsWith("wrap:")) {
                String mvn = location.substring("wrap:".length()).replaceFirst("\\$.*", "");
                jar = BundleJars.wrap(BundleJars.find(mvn), BundleJars.instructions(location), dir);
            } else {
                jar = BundleJars.find(location);
                assertThat(BundleJars.isBundle(jar)).as("%s has OSGi headers (else list it as wrap:)", location)
                        .isTrue();
            }
            Bundle bundle = framework.getBundleContext().installBundle(jar.toUri().toString());
            bundles.put(location, bundle);
            installed.add(bundle);
        }
        for (Bundle bundle : installed) {
            try {
                bundle.start();
            } catch (BundleException e) {
                startFailures.add(bundle.getSymbolicName() + ": " + e.getMessage());
            }
        }
    }

    @AfterAll
    static void stopTheFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void onlyCamelsOwnFeaturesComeFromOutsideTheFile() {
        assertThat(externalFeatures).containsOnly("camel-core", "camel-platform-http");
    }

    @Test
    void everyBundleOfTheFeaturesResolvesAndStarts() {
        assertThat(startFailures).as("bundles that did not start").isEmpty();
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(13);
        bundles.forEach((location, bundle) -> assertThat(bundle.getState()).as(location).isEqualTo(Bundle.ACTIVE));
    }

    @Test
    void everyComponentIsFoundByItsSchemeAndCreatedFromItsBundle() throws Exception {
        for (String scheme : SCHEMES) {
            Bundle bundle = bundle("io.camelinference.camel-" + scheme);
            URL entry = bundle.getEntry("META-INF/services/org/apache/camel/component/" + scheme);
            assertThat(entry).as("%s's component file", scheme).isNotNull();
            String className = read(entry).lines().filter(l -> l.startsWith("class=")).findFirst().orElseThrow()
                    .substring("class=".length());

            Class<?> type = bundle.loadClass(className);
            Object component = type.getDeclaredConstructor().newInstance();
            Object service = type.getMethod("service").invoke(component);

            assertThat(FrameworkUtil.getBundle(type)).isSameAs(bundle);
            assertThat(service.getClass().getMethod("scheme").invoke(service)).isEqualTo(scheme);
        }
    }

    @Test
    void componentsExportTheirApiAndKeepTheirInternalsPrivate() {
        for (String scheme : SCHEMES) {
            String exports = bundle("io.camelinference.camel-" + scheme).getHeaders().get(Constants.EXPORT_PACKAGE);
            assertThat(exports).as(scheme).contains("io.camelinference." + scheme + ";",
                    "io.camelinference." + scheme + ".model;");
            assertThat(exports).as(scheme).doesNotContain(".client;", ".binding;", ".consumer;", ".mime;");
        }
        String engine = bundle("io.camelinference.camel-inference-common").getHeaders().get(Constants.EXPORT_PACKAGE);
        assertThat(engine).contains("io.camelinference.common.component;", "io.camelinference.common.http;");
        String commsMining = bundle("io.camelinference.camel-commsmining").getHeaders().get(Constants.IMPORT_PACKAGE);
        if (commsMining.contains("jakarta.mail")) {
            assertThat(commsMining).containsPattern("jakarta\\.mail[^,]*resolution:=optional");
        }
    }

    private static Bundle bundle(String symbolicName) {
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static String read(URL url) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            return String.join("\n", r.lines().toList());
        }
    }
}
