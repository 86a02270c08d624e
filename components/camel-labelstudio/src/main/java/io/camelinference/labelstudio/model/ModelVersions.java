package io.camelinference.labelstudio.model;

import java.util.List;

/** A backend's model versions; a backend without {@code /versions} gives its current one and a message. */
public record ModelVersions(List<String> versions, String message) {
}
