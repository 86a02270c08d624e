package io.camelinference.annolab.springboot;

import io.camelinference.annolab.AnnoLabComponent;
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
 * Configures the annolab component from {@code camel.component.annolab.*} when Camel creates it, as
 * camel-spring-boot's own starters do; off with {@code camel.component.annolab.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, AnnoLabComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.annolab" })
public class AnnoLabComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureAnnoLabComponent(ApplicationContext applicationContext,
                                                     CamelContext camelContext,
                                                     AnnoLabComponentConfiguration configuration) {
        return new InferenceComponentCustomizer(applicationContext, camelContext, configuration,
                AnnoLabComponent.class, "annolab");
    }

    /** The secret options stay masked in /actuator/configprops and /actuator/env, whatever show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Secrets {

        @Bean
        SanitizingFunction annolabSecretsSanitizer() {
            return new SecretPropertiesSanitizer("camel.component.annolab", "api-key");
        }
    }
}
