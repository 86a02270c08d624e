package io.camelinference.common.json;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.TypeConverterLoaderException;
import org.apache.camel.spi.TypeConverterLoader;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.SimpleTypeConverter;

/**
 * Lets routes without Java read the components' results: a Camel type converter from any result of ours (the records
 * and model classes of the io.camelinference packages: responses, predictions, annotations, tasks) to a
 * {@code java.util.Map} of its JSON fields, nested results as Maps and lists as Lists, keyed exactly as the JSON a
 * route marshals the result to. So {@code convertBodyTo: java.util.Map} works in YAML, and the simple language's
 * {@code ${body[outcomes]}} and {@code ${bodyAs(java.util.Map)}} work on a result (simple converts a body to a Map for
 * a {@code [key]}; key access, like any OGNL in simple, needs camel-bean on the classpath).
 * <p>
 * Camel loads it from {@code META-INF/services/org/apache/camel/TypeConverterLoader}, as it loads the converters of
 * its own components: every CamelContext with the engine on its classpath has it, whatever the runtime. It is a
 * fallback converter that answers only conversions of our classes to {@code Map}; Camel then promotes it to a direct
 * converter for each result class, so the check runs once per class.
 */
public final class ResultMapConverterLoader implements TypeConverterLoader {

    private static final String PACKAGE = "io.camelinference.";

    @Override
    public void load(TypeConverterRegistry registry) throws TypeConverterLoaderException {
        registry.addFallbackTypeConverter(new SimpleTypeConverter(false, ResultMapConverterLoader::convert), true);
    }

    /** The result as a Map, or null (not converted) for any other conversion. */
    static Object convert(Class<?> type, Exchange exchange, Object value) {
        return type == Map.class && isResult(value) ? toMap(value) : null;
    }

    /** The JSON fields of a result, in their JSON order, as a route marshalling it would write them. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object result) {
        return Json.mapper().convertValue(result, Map.class);
    }

    /** Whether the value is a result of ours: a class of an io.camelinference package that is not an enum or error. */
    static boolean isResult(Object value) {
        if (value == null || value instanceof Throwable || value instanceof Map) {
            return false;
        }
        Class<?> type = value.getClass();
        return type.getName().startsWith(PACKAGE) && !type.isEnum() && !type.isArray();
    }
}
