package io.camelinference.common.test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.common.component.InferenceComponentSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the catalog JSON a component ships must say, read from the jar as Camel tooling reads it: the component is
 * asynchronous, its key is a secret whose description names the component's own environment variable, every option
 * and header has a description without Javadoc markup, and the operations of the catalog are the enum's.
 */
public abstract class CatalogContract {

    protected abstract InferenceComponentSupport newComponent();

    /** e.g. {@code META-INF/io/camelinference/unitypredict/unitypredict.json}. */
    protected abstract String catalogResource();

    /** The operations in URI form, as the endpoint's enum lists them. */
    protected abstract List<String> operations();

    private JsonNode catalog() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(catalogResource())) {
            assertThat(in).as("the catalog %s is shipped", catalogResource()).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theComponentIsAsynchronousAndItsKeyASecretNamingItsOwnVariable() throws Exception {
        JsonNode catalog = catalog();
        InferenceComponentSupport component = newComponent();
        assertThat(catalog.path("component").path("scheme").asText()).isEqualTo(component.service().scheme());
        assertThat(catalog.path("component").path("async").asBoolean()).as("async").isTrue();
        JsonNode apiKey = catalog.path("properties").path("apiKey");
        assertThat(apiKey.path("secret").asBoolean()).as("apiKey is secret").isTrue();
        assertThat(apiKey.path("description").asText()).contains(component.service().apiKeyEnv());
    }

    @Test
    void everyOptionAndHeaderIsDescribedWithoutJavadocMarkup() throws Exception {
        JsonNode catalog = catalog();
        List<String> problems = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Map.Entry<String, JsonNode> option : catalog.path(section).properties()) {
                String description = option.getValue().path("description").asText("");
                if (description.isBlank()) {
                    problems.add(section + "." + option.getKey() + " has no description");
                }
                if (description.contains("{@") || description.contains("{code") || description.contains("{link")) {
                    problems.add(section + "." + option.getKey() + " shows Javadoc markup: " + description);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theReadmesOptionsAndHeadersTablesAreTheCatalogs() throws Exception {
        java.nio.file.Path readme = java.nio.file.Paths.get("README.md");
        String options = CatalogDocs.options(catalog());
        String headers = CatalogDocs.headers(catalog());
        if (Boolean.getBoolean("readme.update")) {
            CatalogDocs.update(readme, options, headers);
        }
        String text = java.nio.file.Files.readString(readme);
        assertThat(CatalogDocs.block(text, "options")).as("README options table (regenerate: mvn test"
                + " -Dtest=*CatalogTest -Dreadme.update=true)").isEqualTo(options);
        assertThat(CatalogDocs.block(text, "headers")).as("README headers table (regenerate: mvn test"
                + " -Dtest=*CatalogTest -Dreadme.update=true)").isEqualTo(headers);
    }

    @Test
    void theOperationsAreTheEnumsInUriForm() throws Exception {
        JsonNode operation = catalog().path("properties").path("operation");
        assertThat(operation.path("kind").asText()).isEqualTo("path");
        List<String> listed = new ArrayList<>();
        operation.path("enum").forEach(n -> listed.add(n.asText()));
        assertThat(listed).containsExactlyElementsOf(operations());
    }
}
