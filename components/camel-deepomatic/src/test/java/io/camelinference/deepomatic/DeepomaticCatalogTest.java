package io.camelinference.deepomatic;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.CatalogContract;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog JSON the jar ships, and the generated classes Camel finds through their service files. */
class DeepomaticCatalogTest extends CatalogContract {

    private static final String CATALOG = "META-INF/io/camelinference/deepomatic/deepomatic.json";

    @Override
    protected InferenceComponentSupport newComponent() {
        return new DeepomaticComponent();
    }

    @Override
    protected String catalogResource() {
        return CATALOG;
    }

    @Override
    protected List<String> operations() {
        return Arrays.stream(DeepomaticOperation.values()).map(DeepomaticOperation::uriName).toList();
    }

    private static JsonNode catalog() throws Exception {
        try (InputStream in = DeepomaticCatalogTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertThat(in).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void producerOnlyWithTheKeySecretAtComponentLevelToo() throws Exception {
        JsonNode catalog = catalog();
        assertThat(catalog.at("/component/producerOnly").asBoolean()).isTrue();
        assertThat(catalog.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        assertThat(catalog.at("/componentProperties/apiKey/description").asText()).contains("DEEPOMATIC_API_KEY");
        assertThat(catalog.at("/properties/operation/javaType").asText()).isEqualTo(DeepomaticOperation.class.getName());
    }

    @Test
    void everyHeaderConstantIsInTheCatalogAndNothingElse() throws Exception {
        List<String> constants = new ArrayList<>();
        for (Field field : DeepomaticConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        List<String> listed = new ArrayList<>();
        catalog().path("headers").fieldNames().forEachRemaining(listed::add);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(constants).contains("CamelDeepomaticTaskId",
                "CamelDeepomaticJobKey", "CamelDeepomaticVersionId", "CamelDeepomaticNetworkId",
                "CamelDeepomaticPolygon");
    }

    @Test
    void theDeepomaticOptionsKeepTheirNames() throws Exception {
        JsonNode properties = catalog().path("properties");
        for (String option : List.of("specId", "publicSpec", "showDiscarded", "maxPredictions", "bbox", "taskBatchSize",
                "taskBatchWindow", "waitForCompletion", "waitTimeout", "stateRepository", "jobStoreFile", "baseUrl",
                "versionId", "networkId", "publicNetwork", "polygon", "cropUniformBackground")) {
            assertThat(properties.has(option)).as(option).isTrue();
        }
    }

    @Test
    void camelFindsTheGeneratedUriFactoryAndConfigurers() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThat(PluginHelper.getUriFactoryResolver(context).resolveFactory("deepomatic", context))
                    .isInstanceOf(DeepomaticEndpointUriFactory.class);
            assertThat(PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("deepomatic-endpoint",
                    context)).isInstanceOf(DeepomaticEndpointConfigurer.class);
            assertThat(PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("deepomatic-component",
                    context)).isInstanceOf(DeepomaticComponentConfigurer.class);
        }
    }
}
