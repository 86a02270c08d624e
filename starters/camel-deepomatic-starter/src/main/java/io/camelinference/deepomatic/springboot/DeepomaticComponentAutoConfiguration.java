package io.camelinference.deepomatic.springboot;

import io.camelinference.deepomatic.DeepomaticComponent;
import io.camelinference.springboot.InferenceComponentCustomizer;
import io.camelinference.springboot.SecretPropertiesSanitizer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the deepomatic component from {@code camel.component.deepomatic.*} when Camel creates it, as
 * camel-spring-boot's own starters do; off with {@code camel.component.deepomatic.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, DeepomaticComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.deepomatic" })
public class DeepomaticComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureDeepomaticComponent(ApplicationContext applicationContext,
                                                     CamelContext camelContext,
                                                     DeepomaticComponentConfiguration configuration) {
        return new InferenceComponentCustomizer(applicationContext, camelContext, configuration,
                DeepomaticComponent.class, "deepomatic");
    }

    /** The secret options stay masked in /actuator/configprops and /actuator/env, whatever show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Secrets {

        @Bean
        SanitizingFunction deepomaticSecretsSanitizer() {
            return new SecretPropertiesSanitizer("camel.component.deepomatic", "api-key");
        }
    }
}
