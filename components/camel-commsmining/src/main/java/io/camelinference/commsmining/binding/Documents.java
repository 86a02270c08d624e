package io.camelinference.commsmining.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.camelinference.commsmining.CommsMiningService;
import io.camelinference.commsmining.model.CommsMiningDocument;
import io.camelinference.commsmining.model.CommsMiningMessage;
import io.camelinference.commsmining.model.CommsMiningPredictRequest;
import io.camelinference.common.json.Json;
import io.camelinference.common.operation.MessageValues;

/**
 * Reads a predict body into documents, refusing before anything is sent (and billed) what the service would refuse or
 * what could not be sent as meant: a {@link CommsMiningDocument}; a {@link CommsMiningMessage}; a String (one message's
 * text); a Map in the API's shape (a document with messages, or a message with a body); a List of those (split at the
 * 4096 limit); or a whole {@link CommsMiningPredictRequest} (or Map with documents), sent as it is, so at most 4096.
 * Every message needs a body of at most 65,536 characters, every document at most 2048 messages.
 */
final class Documents {

    static final int MAX_MESSAGES = 2048;
    static final int MAX_TEXT = 65_536;
    static final String ACCEPTED = "a CommsMiningDocument, a CommsMiningMessage, a String (a message's text), a Map"
            + " (a document with messages, or a message with a body), a List of those, or a CommsMiningPredictRequest";

    /** What the body held. */
    record Read(List<CommsMiningDocument> documents, boolean single, CommsMiningPredictRequest request) {
    }

    private Documents() {
    }

    static Read read(Object body) {
        if (body == null) {
            throw new IllegalArgumentException("commsmining:predict needs documents but the body is empty: send "
                    + ACCEPTED);
        }
        if (body instanceof Map<?, ?> map && map.containsKey("documents")) {
            body = Json.convert(map, CommsMiningPredictRequest.class);
        }
        if (body instanceof CommsMiningPredictRequest request) {
            List<CommsMiningDocument> docs = request.documents() == null ? List.of() : request.documents();
            if (docs.size() > CommsMiningService.MAX_DOCUMENTS) {
                throw new IllegalArgumentException("commsmining:predict got a CommsMiningPredictRequest of "
                        + docs.size() + " documents; one request carries at most " + CommsMiningService.MAX_DOCUMENTS
                        + " (the service's limit). Nothing was sent. Send the documents as a List body to have them"
                        + " split into requests of at most " + CommsMiningService.MAX_DOCUMENTS);
            }
            return new Read(checked(docs), false, request);
        }
        if (body instanceof Collection<?> items) {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("commsmining:predict got an empty List: nothing to predict");
            }
            List<CommsMiningDocument> docs = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                docs.add(one(item, "item " + i++));
            }
            return new Read(checked(docs), false, null);
        }
        return new Read(checked(List.of(one(body, "the body"))), true, null);
    }

    private static CommsMiningDocument one(Object item, String where) {
        if (item instanceof CommsMiningDocument d) {
            return d;
        }
        if (item instanceof CommsMiningMessage m) {
            return CommsMiningDocument.of(m);
        }
        if (item instanceof CharSequence text) {
            if (text.toString().isBlank()) {
                throw new IllegalArgumentException("commsmining:predict got an empty text (" + where + "): nothing to"
                        + " predict, nothing was sent");
            }
            return CommsMiningDocument.of(text.toString());
        }
        if (item instanceof Map<?, ?> map) {
            try {
                if (map.containsKey("messages")) {
                    return Json.convert(map, CommsMiningDocument.class);
                }
                if (map.containsKey("body")) {
                    return CommsMiningDocument.of(Json.convert(map, CommsMiningMessage.class));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("commsmining:predict cannot read " + where + " as a document: "
                        + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("commsmining:predict cannot send " + where + " ("
                + MessageValues.describe(item) + "): send " + ACCEPTED + "; nothing was sent");
    }

    /** The service's limits per document, checked for all documents before any is sent. */
    private static List<CommsMiningDocument> checked(List<CommsMiningDocument> docs) {
        for (int i = 0; i < docs.size(); i++) {
            CommsMiningDocument d = docs.get(i);
            if (d.messages() == null || d.messages().isEmpty()) {
                throw new IllegalArgumentException("commsmining:predict document " + i + " has no messages; nothing"
                        + " was sent");
            }
            if (d.messages().size() > MAX_MESSAGES) {
                throw new IllegalArgumentException("commsmining:predict document " + i + " has " + d.messages().size()
                        + " messages, over the limit of " + MAX_MESSAGES + " per document; nothing was sent");
            }
            for (int m = 0; m < d.messages().size(); m++) {
                CommsMiningMessage message = d.messages().get(m);
                String text = message.body() == null ? null : message.body().text();
                if (text == null) {
                    throw new IllegalArgumentException("commsmining:predict document " + i + ", message " + m
                            + " has no body text; nothing was sent");
                }
                int length = text.codePointCount(0, text.length());
                if (length > MAX_TEXT) {
                    throw new IllegalArgumentException("commsmining:predict document " + i + ", message " + m
                            + " has a body of " + length + " characters, over the limit of " + MAX_TEXT
                            + " per message body; nothing was sent");
                }
            }
        }
        return docs;
    }
}
