package io.camelinference.unitypredict.springboot;

import io.camelinference.unitypredict.UnityPredictComponent;
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
 * Configures the unitypredict component from {@code camel.component.unitypredict.*} when Camel creates it, as
 * camel-spring-boot's own starters do; off with {@code camel.component.unitypredict.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, UnityPredictComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.unitypredict" })
public class UnityPredictComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureUnityPredictComponent(ApplicationContext applicationContext,
                                                     CamelContext camelContext,
                                                     UnityPredictComponentConfiguration configuration) {
        return new InferenceComponentCustomizer(applicationContext, camelContext, configuration,
                UnityPredictComponent.class, "unitypredict");
    }

    /** The secret options stay masked in /actuator/configprops and /actuator/env, whatever show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Secrets {

        @Bean
        SanitizingFunction unitypredictSecretsSanitizer() {
            return new SecretPropertiesSanitizer("camel.component.unitypredict", "api-key", "callback-token");
        }
    }
}
