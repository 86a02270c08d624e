package io.camelinference.commsmining.springboot;

import io.camelinference.commsmining.CommsMiningComponent;
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
 * Configures the commsmining component from {@code camel.component.commsmining.*} when Camel creates it, as
 * camel-spring-boot's own starters do; off with {@code camel.component.commsmining.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, CommsMiningComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.commsmining" })
public class CommsMiningComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureCommsMiningComponent(ApplicationContext applicationContext,
                                                     CamelContext camelContext,
                                                     CommsMiningComponentConfiguration configuration) {
        return new InferenceComponentCustomizer(applicationContext, camelContext, configuration,
                CommsMiningComponent.class, "commsmining");
    }

    /** The secret options stay masked in /actuator/configprops and /actuator/env, whatever show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Secrets {

        @Bean
        SanitizingFunction commsminingSecretsSanitizer() {
            return new SecretPropertiesSanitizer("camel.component.commsmining", "api-key");
        }
    }
}
