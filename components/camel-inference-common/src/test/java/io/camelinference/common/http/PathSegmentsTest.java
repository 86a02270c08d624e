package io.camelinference.common.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathSegmentsTest {

    @Test
    void aValueStaysOneSegmentWhateverItHolds() {
        assertThat(PathSegments.encode("a/b c?d#e")).isEqualTo("a%2Fb%20c%3Fd%23e");
        assertThat(PathSegments.encode("..")).isEqualTo("..");
        assertThat(PathSegments.encode("heart-risk_v2.1")).isEqualTo("heart-risk_v2.1");
        assertThat(PathSegments.encode("a~b")).isEqualTo("a%7Eb");
        assertThat(PathSegments.encode("")).isEmpty();
        assertThat(PathSegments.encode("naïve")).isEqualTo("na%C3%AFve");
        assertThat(PathSegments.path("predict", "status", "id/1")).isEqualTo("/predict/status/id%2F1");
        assertThatThrownBy(() -> PathSegments.encode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
