package io.camelinference.common.json;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain CamelContext, nothing registered by hand: Camel finds the converter in the engine's
 * META-INF/services/org/apache/camel/TypeConverterLoader and turns our results into Maps keyed as their JSON.
 */
class ResultMapConverterTest {

    record Label(@JsonProperty("label_name") String labelName, Double score) {
    }

    record Result(@JsonProperty("task_id") String taskId, String status, List<Label> predicted,
                  Map<String, List<Label>> byOutput) {
    }

    private final Result result = new Result("t-1", "success", List.of(new Label("red", 0.9), new Label("green", 0.2)),
            Map.of("colour", List.of(new Label("red", 0.9))));

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aResultBecomesAMapOfItsJsonFieldsWithNestedResultsAsMapsAndListsAsLists() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = context.getTypeConverter().mandatoryConvertTo(Map.class, result);

        assertThat(map).containsOnlyKeys("task_id", "status", "predicted", "byOutput");
        assertThat(map.get("task_id")).isEqualTo("t-1");
        assertThat((List<?>) map.get("predicted")).first().isEqualTo(Map.of("label_name", "red", "score", 0.9));
        assertThat(map.get("byOutput")).isEqualTo(Map.of("colour", List.of(Map.of("label_name", "red", "score", 0.9))));
        assertThat(new String(Json.write(result))).isEqualTo(new String(Json.write(map)));
    }

    @Test
    void theSimpleLanguageReadsAResultByItsJsonKeys() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(result);

        assertThat(simple(exchange, "${body[predicted][0][label_name]}")).isEqualTo("red");
        assertThat(simple(exchange, "${body[byOutput][colour][0][score]}")).isEqualTo(0.9);
        assertThat(simple(exchange, "${bodyAs(java.util.Map)[task_id]}")).isEqualTo("t-1");
        assertThat(context.resolveLanguage("simple").createPredicate("${body[predicted][0][score]} > 0.5")
                .matches(exchange)).isTrue();
    }

    @Test
    void otherValuesAndOtherTargetTypesAreLeftToCamelsOtherConverters() {
        assertThat(context.getTypeConverter().convertTo(Map.class, URI.create("http://example.com"))).isNull();
        assertThat(ResultMapConverterLoader.convert(List.class, null, result)).isNull();
        assertThat(ResultMapConverterLoader.isResult(new StringBuilder("x"))).isFalse();
        assertThat(ResultMapConverterLoader.isResult(Thread.State.NEW)).isFalse();
        assertThat(ResultMapConverterLoader.isResult(result)).isTrue();
    }

    private Object simple(Exchange exchange, String expression) {
        return context.resolveLanguage("simple").createExpression(expression).evaluate(exchange, Object.class);
    }
}
