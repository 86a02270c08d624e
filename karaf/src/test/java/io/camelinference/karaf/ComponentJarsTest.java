package io.camelinference.karaf;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.common.component.InferenceComponentSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every component jar ships for Camel's tooling besides its bundle headers: the component.properties that IDE
 * plugins and catalog tools use to discover third-party components, and a catalog whose descriptions are the option
 * Javadoc as written. Camel's metadata generator drops some characters from Javadoc (plus and question marks,
 * brackets, quotes, angle brackets, braces, asterisks) and Javadoc tags leave their markup, so option and header
 * Javadoc must use none of them (write byte array, not the Java syntax).
 */
class ComponentJarsTest {

    private static final Pattern OPTION_JAVADOC = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*((?:@\\w+(?:\\([^)]*\\))?\\s*)*)(?:public |private |protected )?"
                    + "(?:static )?(?:final )?(?:class )?[\\w<>\\[\\]., ?]+?\\s(\\w+)\\s*[;={]", Pattern.DOTALL);
    private static final Pattern STRIPPED = Pattern.compile("[+?\\[\\]\"<>{}*]|\\{@");

    @ParameterizedTest
    @ValueSource(strings = { "unitypredict", "deepomatic", "annolab", "commsmining", "labelstudio" })
    void theJarShipsComponentPropertiesAsCamelsOwnComponentsDo(String scheme) throws Exception {
        Properties p = new Properties();
        try (InputStream in = jarEntry(scheme, "META-INF/services/org/apache/camel/component.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("components")).isEqualTo(scheme);
        assertThat(p.getProperty("groupId")).isEqualTo("io.camelinference");
        assertThat(p.getProperty("artifactId")).isEqualTo("camel-" + scheme);
        assertThat(p.getProperty("version")).isNotBlank();
        assertThat(p.getProperty("projectName")).startsWith("Camel Inference :: ");
        assertThat(p.getProperty("projectDescription")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = { "unitypredict", "deepomatic", "annolab", "commsmining", "labelstudio" })
    void theCatalogListsTheBaseUrlDefaultAndDescriptionsWithoutMarkup(String scheme) throws Exception {
        JsonNode catalog;
        try (InputStream in = jarEntry(scheme, "META-INF/io/camelinference/" + scheme + "/" + scheme + ".json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        String defaultBaseUrl = component(catalog).service().defaultBaseUrl();
        for (String section : List.of("componentProperties", "properties")) {
            JsonNode baseUrl = catalog.path(section).path("baseUrl");
            assertThat(baseUrl.path("description").asText()).as(section).isNotBlank();
            if (defaultBaseUrl != null) {
                assertThat(baseUrl.path("defaultValue").asText()).as(section + ".baseUrl default")
                        .isEqualTo(defaultBaseUrl);
            }
        }
        List<String> markup = new ArrayList<>();
        check("component", catalog.path("component").path("description").asText(), markup);
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Map.Entry<String, JsonNode> e : catalog.path(section).properties()) {
                check(section + "." + e.getKey(), e.getValue().path("description").asText(), markup);
            }
        }
        assertThat(markup).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "camel-unitypredict", "camel-deepomatic", "camel-annolab", "camel-commsmining",
            "camel-labelstudio", "camel-inference-common" })
    void optionJavadocUsesNoCharacterTheCatalogGeneratorDrops(String module) throws Exception {
        Path sources = Path.of("../components", module, "src/main/java");
        assumeTrue(Files.isDirectory(sources), "run from the repository");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = OPTION_JAVADOC.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(2).matches("(?s).*@(UriParam|UriPath|Metadata|UriEndpoint)\\b.*")) {
                        continue;
                    }
                    String text = m.group(1).replaceAll("(?m)^\\s*\\*", " ");
                    Matcher bad = STRIPPED.matcher(text);
                    if (bad.find()) {
                        problems.add(sources.relativize(file) + " " + m.group(3) + ": '" + bad.group() + "' in "
                                + text.strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String where, String description, List<String> problems) {
        if (description.contains("{@") || description.contains("{code") || description.contains("{link")
                || description.contains("<") || description.isBlank()) {
            problems.add(where + ": " + description);
        }
    }

    private static InferenceComponentSupport component(JsonNode catalog) throws Exception {
        return (InferenceComponentSupport) Class.forName(catalog.path("component").path("javaType").asText())
                .getDeclaredConstructor().newInstance();
    }

    /** An entry of the component's jar (not of a class-path directory: what ships is what is checked). */
    private static InputStream jarEntry(String scheme, String entry) throws Exception {
        Path jar = BundleJars.componentJar(scheme);
        JarFile file = new JarFile(jar.toFile());
        assertThat(file.getEntry(entry)).as("%s in %s", entry, jar.getFileName()).isNotNull();
        return new java.io.FilterInputStream(file.getInputStream(file.getEntry(entry))) {
            @Override
            public void close() throws java.io.IOException {
                super.close();
                file.close();
            }
        };
    }
}
