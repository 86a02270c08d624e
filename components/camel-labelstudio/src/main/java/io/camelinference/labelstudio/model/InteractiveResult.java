package io.camelinference.labelstudio.model;

import java.util.List;
import java.util.Map;

/** An interactive pre-annotation: the backend's first result, or the errors Label Studio reports (with HTTP 200). */
public record InteractiveResult(Map<String, Object> data, List<String> errors) {
}
