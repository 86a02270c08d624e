package io.camelinference.common.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.camelinference.common.json.Json;

/**
 * Turns a job chain's typed state into the text a {@link JobStore} keeps, and back. Unreadable text (written by an
 * incompatible version, or damaged) decodes to null, which means "no state": the message starts afresh.
 *
 * @param <S> the state type, usually a record
 */
public interface StateCodec<S> {

    String encode(S state);

    /** The state, or null when the text cannot be read as one. */
    S decode(String text);

    /** The state as JSON: records and their fields as Jackson writes them; fields added later are ignored. */
    static <S> StateCodec<S> json(Class<S> type) {
        return new StateCodec<>() {
            @Override
            public String encode(S state) {
                return new String(Json.write(state), StandardCharsets.UTF_8);
            }

            @Override
            public S decode(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return Json.read(text.getBytes(StandardCharsets.UTF_8), type);
                } catch (IOException unreadable) {
                    return null;
                }
            }
        };
    }
}
