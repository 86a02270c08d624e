package io.camelinference.reliability;

import java.util.Map;

import io.camelinference.common.component.InferenceConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/** Sets named options on a component configuration as a Camel property would (e.g. {@code maxInFlight=16}). */
final class PropertyOptions {

    private PropertyOptions() {
    }

    static void apply(CamelContext camel, InferenceConfiguration configuration, Map<String, Object> options) {
        if (!options.isEmpty()) {
            PropertyBindingSupport.build().withIgnoreCase(true).bind(camel, configuration, Map.copyOf(options));
        }
    }
}
