package io.camelinference.springboot;

import java.util.Set;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.job.JobStore;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets a property name a bean for the options that take an object (job store, state repository, TLS settings, a whole
 * component configuration), as camel-spring-boot's starters do: {@code #bean:name} or {@code #name}. Anything else is
 * not converted, so Spring reports the property as invalid.
 */
public final class BeanReferenceConverter implements GenericConverter {

    private static final Set<Class<?>> TYPES = Set.of(JobStore.class, StateRepository.class,
            SSLContextParameters.class, InferenceConfiguration.class);

    private final ApplicationContext applicationContext;

    public BeanReferenceConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, JobStore.class),
                new ConvertiblePair(String.class, StateRepository.class),
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, InferenceConfiguration.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !source.toString().startsWith("#")) {
            return null;
        }
        String ref = source.toString();
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        Class<?> type = targetType.getType();
        if (TYPES.stream().noneMatch(t -> t.isAssignableFrom(type))) {
            return null;
        }
        return applicationContext.getBean(name, type);
    }
}
