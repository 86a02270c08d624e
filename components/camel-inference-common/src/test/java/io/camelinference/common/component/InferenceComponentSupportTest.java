package io.camelinference.common.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InferenceComponentSupportTest {

    enum Constants { INFERENCE, CREATE_SPEC }

    enum Camel { inference, createSpec }

    @Test
    void operationsAreKebabCaseInUris() {
        assertThat(InferenceComponentSupport.parseOperation(Constants.class, "x", "create-spec")).isEqualTo(Constants.CREATE_SPEC);
        assertThat(InferenceComponentSupport.parseOperation(Camel.class, "x", "create-spec")).isEqualTo(Camel.createSpec);
        assertThat(InferenceComponentSupport.parseOperation(Camel.class, "x", "inference")).isEqualTo(Camel.inference);
        assertThat(InferenceComponentSupport.uriName(Constants.CREATE_SPEC)).isEqualTo("create-spec");
        assertThat(InferenceComponentSupport.uriName(Camel.createSpec)).isEqualTo("create-spec");
    }

    @Test
    void anUnknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> InferenceComponentSupport.parseOperation(Constants.class, "deepomatic", "infer"))
                .hasMessage("Unknown deepomatic operation 'infer': expected one of inference, create-spec");
    }
}
