package io.camelinference.labelstudio.springboot;

import io.camelinference.labelstudio.LabelStudioComponent;
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
 * Configures the labelstudio component from {@code camel.component.labelstudio.*} when Camel creates it, as
 * camel-spring-boot's own starters do; off with {@code camel.component.labelstudio.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, LabelStudioComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.labelstudio" })
public class LabelStudioComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureLabelStudioComponent(ApplicationContext applicationContext,
                                                     CamelContext camelContext,
                                                     LabelStudioComponentConfiguration configuration) {
        return new InferenceComponentCustomizer(applicationContext, camelContext, configuration,
                LabelStudioComponent.class, "labelstudio");
    }

    /** The secret options stay masked in /actuator/configprops and /actuator/env, whatever show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Secrets {

        @Bean
        SanitizingFunction labelstudioSecretsSanitizer() {
            return new SecretPropertiesSanitizer("camel.component.labelstudio", "api-key", "basic-auth-password");
        }
    }
}
