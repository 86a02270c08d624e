package io.camelinference.common.error;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    private final InferenceApiException notFound = new InferenceApiException("x", "GET /a", 404, "gone", null);

    @Test
    void unwrapsNestedCompletionExceptions() {
        assertThat(Failures.cause(new CompletionException(new CompletionException(notFound)))).isSameAs(notFound);
        assertThat(Failures.cause(notFound)).isSameAs(notFound);
        CompletionException bare = new CompletionException("no cause", null);
        assertThat(Failures.cause(bare)).isSameAs(bare);
    }

    @Test
    void recognisesTheServicesStatusThroughTheWrapping() {
        assertThat(Failures.isStatus(new CompletionException(notFound), 404)).isTrue();
        assertThat(Failures.isStatus(new CompletionException(notFound), 500)).isFalse();
        assertThat(Failures.isStatus(new IllegalStateException(), 404)).isFalse();
    }
}
