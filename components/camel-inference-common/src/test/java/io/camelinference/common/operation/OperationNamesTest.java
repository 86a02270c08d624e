package io.camelinference.common.operation;

import java.util.List;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationNamesTest {

    enum Ops implements UriOperation {
        inference, createSpec, streamFetch;

        @Override
        public String uriName() {
            return OperationNames.kebab(name());
        }
    }

    private final Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();

    @Test
    void kebabCaseInUrisAndCamelCaseInJavaBothParse() {
        assertThat(OperationNames.parse(Ops.class, "x", "create-spec")).isEqualTo(Ops.createSpec);
        assertThat(OperationNames.parse(Ops.class, "x", "createSpec")).isEqualTo(Ops.createSpec);
        assertThat(OperationNames.parse(Ops.class, "x", " Stream-Fetch ")).isEqualTo(Ops.streamFetch);
        assertThat(Ops.streamFetch.uriName()).isEqualTo("stream-fetch");
    }

    @Test
    void anUnknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> OperationNames.parse(Ops.class, "deepomatic", "infer"))
                .hasMessage("Unknown deepomatic operation 'infer': expected one of inference, create-spec, stream-fetch");
    }

    @Test
    void theHeaderOverridesTheEndpointsOperationAndNamesItselfWhenWrong() {
        assertThat(OperationNames.of(message, "Op", Ops.inference, Ops.class, "x")).isEqualTo(Ops.inference);
        message.setHeader("Op", "create-spec");
        assertThat(OperationNames.of(message, "Op", Ops.inference, Ops.class, "x")).isEqualTo(Ops.createSpec);
        message.setHeader("Op", Ops.streamFetch);
        assertThat(OperationNames.of(message, "Op", Ops.inference, Ops.class, "x")).isEqualTo(Ops.streamFetch);
        message.setHeader("Op", "nope");
        assertThatThrownBy(() -> OperationNames.of(message, "Op", Ops.inference, Ops.class, "x"))
                .hasMessageStartingWith("Header Op: Unknown x operation 'nope'");
    }

    @Test
    void valuesComeFromTheHeaderElseTheOptionAndMissingOnesNameBoth() {
        assertThat(MessageValues.option(message, "CamelModel", "from-option", String.class)).isEqualTo("from-option");
        message.setHeader("CamelModel", "from-header");
        assertThat(MessageValues.required(message, "CamelModel", "from-option", "x:predict", "modelId"))
                .isEqualTo("from-header");
        message.removeHeader("CamelModel");
        assertThatThrownBy(() -> MessageValues.required(message, "CamelModel", " ", "x:predict", "modelId"))
                .hasMessage("x:predict needs modelId: set the option modelId on the endpoint or component, or the"
                        + " header CamelModel on the message");
    }

    @Test
    void idsComeFromTheHeaderOrAStringOrNumberBody() {
        message.setBody(42);
        assertThat(MessageValues.id(message, "CamelId", "x:status", "a job id")).isEqualTo("42");
        message.setHeader("CamelId", " job-7 ");
        assertThat(MessageValues.id(message, "CamelId", "x:status", "a job id")).isEqualTo("job-7");
        message.removeHeader("CamelId");
        message.setBody(List.of(1));
        assertThatThrownBy(() -> MessageValues.id(message, "CamelId", "x:status", "a job id"))
                .hasMessageContaining("x:status needs a job id").hasMessageContaining("CamelId")
                .hasMessageContaining("the body is a collection of 1 items");
    }

    @Test
    void listsComeFromCollectionsArraysOrCommaSeparatedText() {
        assertThat(MessageValues.list("a, b,,c ")).containsExactly("a", "b", "c");
        assertThat(MessageValues.list(List.of("x", " y"))).containsExactly("x", "y");
        assertThat(MessageValues.list(new String[] { "p" })).containsExactly("p");
        assertThat(MessageValues.list(null)).isEmpty();
    }
}
