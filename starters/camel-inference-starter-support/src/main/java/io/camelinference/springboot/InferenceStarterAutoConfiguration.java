package io.camelinference.springboot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** What every starter needs once: bean references in properties. */
@AutoConfiguration
public class InferenceStarterAutoConfiguration {

    /** Static: property binding needs the converter before the other beans of this class exist. */
    @Bean
    @ConfigurationPropertiesBinding
    public static BeanReferenceConverter inferenceBeanReferenceConverter(ApplicationContext applicationContext) {
        return new BeanReferenceConverter(applicationContext);
    }
}
