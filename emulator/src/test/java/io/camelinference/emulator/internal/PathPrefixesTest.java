package io.camelinference.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathPrefixesTest {

    @Test
    void theLongestPrefixOnASegmentBoundaryWins() {
        PathPrefixes<String> p = new PathPrefixes<>();
        p.add("/api", "wide");
        p.add("/api/v1/datasets/", "datasets");
        p.add("/api/projects", "projects");
        assertThat(p.owner("/api/v1/datasets")).isEqualTo("datasets");
        assertThat(p.owner("/api/v1/datasets/3/items/")).isEqualTo("datasets");
        assertThat(p.owner("/api/projects/7")).isEqualTo("projects");
        assertThat(p.owner("/api/projectsx")).isEqualTo("wide");
        assertThat(p.owner("/api/v1/datasetsx")).isEqualTo("wide");
        assertThat(p.owner("/api")).isEqualTo("wide");
        assertThat(p.owner("/apis")).isNull();
        assertThat(p.owner("/")).isNull();
    }

    @Test
    void aPrefixHasOneOwner() {
        PathPrefixes<String> p = new PathPrefixes<>();
        p.add("/v1", "a");
        p.add("/v1/", "a");
        assertThatThrownBy(() -> p.add("/v1", "b")).hasMessageContaining("/v1");
        assertThatThrownBy(() -> p.add("v2", "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
