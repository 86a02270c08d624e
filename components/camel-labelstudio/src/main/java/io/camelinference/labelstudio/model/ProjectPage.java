package io.camelinference.labelstudio.model;

import java.util.List;

/** One page of {@code GET /api/projects/}; {@code next} is the absolute URL of the next page, or null. */
public record ProjectPage(int count, String next, String previous, List<Project> results) {
}
