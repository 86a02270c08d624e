package io.camelinference.springboot.test;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.springboot.InferenceComponentCustomizer;
import io.camelinference.springboot.InferenceComponentProperties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a starter must do for its component, checked against the catalog the component ships: every component option is
 * a property of the starter's ComponentConfiguration (and nothing else is), every property set reaches the component
 * through its generated configurer, and the IDE metadata is the catalog's (rewrite it with
 * {@code mvn test -Dmetadata.update=true}).
 */
public abstract class StarterContract {

    /** Properties every ComponentConfiguration inherits from camel-spring-boot, not component options. */
    private static final List<String> STARTER_OWN = List.of("enabled", "customizer");

    protected abstract Class<? extends InferenceComponentProperties> propertiesClass();

    protected abstract InferenceComponentSupport newComponent();

    protected abstract String catalogResource();

    protected String scheme() {
        return newComponent().service().scheme();
    }

    private JsonNode catalog() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(catalogResource())) {
            assertThat(in).as(catalogResource()).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private Map<String, PropertyDescriptor> properties() {
        Map<String, PropertyDescriptor> answer = new TreeMap<>();
        for (PropertyDescriptor p : BeanUtils.getPropertyDescriptors(propertiesClass())) {
            if (p.getWriteMethod() != null && !STARTER_OWN.contains(p.getName())) {
                answer.put(p.getName(), p);
            }
        }
        return answer;
    }

    @Test
    void everyComponentOptionIsAPropertyOfTheStarter() throws Exception {
        TreeSet<String> options = new TreeSet<>();
        catalog().path("componentProperties").fieldNames().forEachRemaining(options::add);
        assertThat(properties().keySet()).as("properties of " + propertiesClass().getSimpleName())
                .containsExactlyElementsOf(options);
    }

    @Test
    void everyPropertySetReachesTheComponentThroughItsConfigurer() throws Exception {
        InferenceComponentProperties props = propertiesClass().getDeclaredConstructor().newInstance();
        Map<String, Object> expected = new TreeMap<>();
        for (PropertyDescriptor p : properties().values()) {
            Object sample = sample(p.getPropertyType(), p.getName());
            if (sample != null) {
                p.getWriteMethod().invoke(props, sample);
                expected.put(p.getName(), sample instanceof Duration d ? d.toMillis() : sample);
            }
        }
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            InferenceComponentSupport component = newComponent();
            component.setCamelContext(context);
            new InferenceComponentCustomizer(null, context, props, component.getClass(), scheme())
                    .configure(scheme(), component);
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
            List<String> lost = new ArrayList<>();
            expected.forEach((name, value) -> {
                Object actual = getter.getOptionValue(component, name, false);
                if (!String.valueOf(value).equals(String.valueOf(actual))) {
                    lost.add(name + ": set " + value + ", component has " + actual);
                }
            });
            assertThat(lost).as("options that did not reach the component").isEmpty();
        }
    }

    @Test
    void theIdeMetadataIsWrittenFromTheCatalog() throws Exception {
        Path file = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");
        String metadata = StarterMetadata.write(catalog(), "camel.component." + scheme(), propertiesClass(),
                properties().values());
        if (Boolean.getBoolean("metadata.update")) {
            Files.writeString(file, metadata);
        }
        assertThat(Files.exists(file) ? Files.readString(file) : "")
                .as("%s (regenerate: mvn test -Dmetadata.update=true)", file).isEqualTo(metadata);
    }

    /** A value unlike the default for each kind of property; null for a whole configuration (checked elsewhere). */
    private static Object sample(Class<?> type, String name) {
        if (type == String.class) {
            return "http://sample.invalid/" + name;
        }
        if (type == Double.class) {
            return 7.5;
        }
        if (type == Integer.class || type == Long.class) {
            return type == Integer.class ? (Object) 7 : (Object) 7L;
        }
        if (type == Boolean.class) {
            return !name.equals("fetchResults") && !name.equals("waitForCompletion") && !name.startsWith("healthCheck")
                    && !name.equals("autowiredEnabled") && !name.equals("validateRegions");
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(7);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type == SSLContextParameters.class) {
            return new SSLContextParameters();
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) ->
                    method.getName().equals("toString") ? "sample " + type.getSimpleName() : null);
        }
        return null;
    }
}
