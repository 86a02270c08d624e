package io.camelinference.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.context.ApplicationContext;

/**
 * Applies a starter's properties to its component when Camel creates it: every property that is set is bound through
 * the component's generated configurer (the same binding Camel Main uses for {@code camel.component.<scheme>.*}), so
 * an option reaches the component's configuration, and from there every endpoint. Customizers can be turned off with
 * {@code camel.component.customizer.enabled} or {@code camel.component.<scheme>.customizer.enabled}, as for
 * camel-spring-boot's own starters.
 */
public final class InferenceComponentCustomizer implements ComponentCustomizer {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final InferenceComponentProperties properties;
    private final Class<? extends Component> componentType;
    private final String scheme;

    public InferenceComponentCustomizer(ApplicationContext applicationContext, CamelContext camelContext,
                                        InferenceComponentProperties properties,
                                        Class<? extends Component> componentType, String scheme) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.properties = properties;
        this.componentType = componentType;
        this.scheme = scheme;
    }

    @Override
    public void configure(String name, Component target) {
        CamelPropertiesHelper.copyProperties(camelContext, properties, target);
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return componentType.isInstance(target) && HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                "camel.component.customizer", "camel.component." + scheme + ".customizer");
    }
}
