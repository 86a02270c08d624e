package io.camelinference.labelstudio.operation;

import java.util.Map;

/**
 * A change of an object: its id and the fields to set (a PATCH).
 *
 * @param id     the backend or prediction
 * @param fields the fields to change, as Label Studio names them
 */
public record Update(long id, Map<String, Object> fields) {
}
