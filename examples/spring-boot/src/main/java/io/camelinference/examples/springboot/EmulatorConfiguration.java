package io.camelinference.examples.springboot;

import io.camelinference.emulator.InferenceEmulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services' emulator, started in-process so the example runs without accounts. Off with
 * example.start-emulator=false, e.g. when camel.component.unitypredict.base-url points at the real service.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "example.start-emulator", havingValue = "true", matchIfMissing = true)
public class EmulatorConfiguration {

    /** Started before Camel's routes (they start once the application context is refreshed). */
    @Bean(destroyMethod = "close")
    public InferenceEmulator inferenceEmulator(@Value("${example.emulator-port:8787}") int port) {
        return InferenceEmulator.builder().port(port).start();
    }
}
