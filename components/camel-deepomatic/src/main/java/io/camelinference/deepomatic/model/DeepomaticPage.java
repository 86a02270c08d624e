package io.camelinference.deepomatic.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One page of a Deepomatic list: {@code next} is the absolute URL of the next page, or null on the last. */
public record DeepomaticPage(int count, String next, String previous, List<JsonNode> results) {
}
