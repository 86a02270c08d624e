package io.camelinference.emulator.commsmining;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.spi.ApiError;

/**
 * The documents of a predict request, checked as documented: at most {@value #MAX_DOCUMENTS} per request; each with
 * {@code messages}, at most {@value #MAX_MESSAGES}, each message a {@code body.text} of at most {@value #MAX_TEXT}
 * characters, and optional subject, signature (objects with {@code text}), from, to, cc, bcc and sent_at. A field of
 * the wrong type is a 400; too many documents or characters a 422 naming the limit.
 */
final class Documents {

    static final int MAX_DOCUMENTS = 4096;
    static final int MAX_MESSAGES = 2048;
    static final int MAX_TEXT = 65_536;

    private Documents() {
    }

    /** The request's {@code field} array ({@code documents} or {@code uids}), within the per-request limit. */
    static JsonNode list(JsonNode body, String field) {
        JsonNode documents = body.get(field);
        if (documents == null || !documents.isArray()) {
            throw new ApiError(400, "Invalid request body: " + field + " is required and must be an array");
        }
        if (documents.size() > MAX_DOCUMENTS) {
            throw new ApiError(422, "Too many " + field + ": " + documents.size() + " in one request, the limit is "
                    + MAX_DOCUMENTS);
        }
        return documents;
    }

    /** The messages of document {@code index}, checked. */
    static JsonNode messages(JsonNode document, int index) {
        if (!document.isObject()) {
            throw new ApiError(400, "Invalid request body: documents[" + index + "] must be an object");
        }
        JsonNode messages = document.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new ApiError(400, "Invalid request body: documents[" + index + "].messages must be a non-empty array");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw new ApiError(422, "documents[" + index + "] has " + messages.size() + " messages, the limit is "
                    + MAX_MESSAGES);
        }
        for (int m = 0; m < messages.size(); m++) {
            JsonNode message = messages.get(m);
            String where = "documents[" + index + "].messages[" + m + "]";
            JsonNode text = message.path("body").path("text");
            if (!text.isTextual()) {
                throw new ApiError(400, "Invalid request body: " + where + ".body.text is required and must be a string");
            }
            int length = text.asText().codePointCount(0, text.asText().length());
            if (length > MAX_TEXT) {
                throw new ApiError(422, where + ".body.text has " + length + " characters, over the limit of "
                        + MAX_TEXT);
            }
            for (String part : new String[] {"subject", "signature"}) {
                JsonNode p = message.get(part);
                if (p != null && !p.isNull() && !p.path("text").isTextual()) {
                    throw new ApiError(400, "Invalid request body: " + where + "." + part + " must be {\"text\": ...}");
                }
            }
            for (String list : new String[] {"to", "cc", "bcc"}) {
                JsonNode l = message.get(list);
                if (l != null && !l.isNull() && !l.isArray()) {
                    throw new ApiError(400, "Invalid request body: " + where + "." + list + " must be an array of"
                            + " addresses");
                }
            }
        }
        JsonNode format = document.get("text_format");
        if (format != null && !format.isNull() && !"plain".equals(format.asText()) && !"markdown".equals(format.asText())) {
            throw new ApiError(400, "Invalid request body: documents[" + index + "].text_format must be plain or markdown");
        }
        return messages;
    }
}
