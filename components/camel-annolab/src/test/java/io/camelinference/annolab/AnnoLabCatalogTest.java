package io.camelinference.annolab;

import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.CatalogContract;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped catalog, read as Camel tooling reads it (see {@link CatalogContract}), and what is AnnoLab's own. */
class AnnoLabCatalogTest extends CatalogContract {

    static final String CATALOG = "META-INF/io/camelinference/annolab/annolab.json";

    @Override
    protected InferenceComponentSupport newComponent() {
        return new AnnoLabComponent();
    }

    @Override
    protected String catalogResource() {
        return CATALOG;
    }

    @Override
    protected List<String> operations() {
        return List.of("infer", "status", "create-source", "export", "create-project", "get-project", "list-projects",
                "api-key-info", "create-directory", "get-source", "delete-source", "create-annotations",
                "bulk-create-annotations", "import-annotations", "create-layer", "create-annotation-type",
                "create-relations", "bulk-create-relations");
    }

    @Test
    void producerOnlyWithItsOwnOptionsAndHeaders() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CATALOG)) {
            catalog = new ObjectMapper().readTree(in);
        }
        assertThat(catalog.at("/component/producerOnly").asBoolean()).isTrue();
        assertThat(catalog.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        assertThat(catalog.at("/properties/fetchResults/defaultValue").isBoolean()).isTrue();
        assertThat(catalog.at("/properties/fetchResults/defaultValue").asBoolean()).isTrue();
        assertThat(catalog.at("/properties/preventDuplication/defaultValue").asBoolean()).isTrue();
        assertThat(catalog.at("/properties/bulkSize/defaultValue").asInt()).isEqualTo(500);
        assertThat(catalog.at("/properties/includeAnnotationTypes/defaultValue").asBoolean()).isTrue();
        for (String option : List.of("groupName", "projectIdentifier", "modelIdentifier", "outputLayerIdentifier",
                "directoryIdentifier", "outputDirectory", "waitForCompletion", "jobStoreFile", "preventDuplication",
                "bulkSize", "includeSources", "includeTextBounds", "includeAnnotationTypes", "fullExport")) {
            assertThat(catalog.path("properties").has(option)).as("option %s", option).isTrue();
        }
        for (String header : List.of("CamelAnnoLabOperation", "CamelAnnoLabInferenceJobId", "CamelAnnoLabSourceIds",
                "CamelAnnoLabJobKey", "CamelAnnoLabWaitForCompletion", "CamelAnnoLabOutputDirectory",
                "CamelAnnoLabSourceId", "CamelAnnoLabDirectoryIdentifier", "CamelAnnoLabPreventDuplication",
                "CamelAnnoLabProjectId", "CamelAnnoLabDefaultOwner", "CamelAnnoLabRelationCount")) {
            assertThat(catalog.path("headers").has(header)).as("header %s", header).isTrue();
        }
        // Camel finds the generated URI factory and configurers through their service files
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(PluginHelper.getUriFactoryResolver(context).resolveFactory("annolab", context))
                    .isInstanceOf(AnnoLabEndpointUriFactory.class);
            assertThat(PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("annolab-endpoint",
                    context)).isInstanceOf(AnnoLabEndpointConfigurer.class);
        }
    }
}
