package io.camelinference.emulator.deepomatic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/** DRF limit/offset pagination: {@code {count, next, previous, results}} with absolute next/previous links. */
final class Pagination {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Pagination() {
    }

    /**
     * One page of {@code all} by the request's {@code limit} and {@code offset}.
     *
     * @param path   the list's path, for the links
     * @param params query parameters the links repeat (name, value), e.g. the requested task ids
     */
    static Reply page(Request r, ArrayNode all, String path, List<String[]> params) {
        int limit;
        int offset;
        try {
            limit = r.query("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(r.query("limit"));
            offset = r.query("offset") == null ? 0 : Integer.parseInt(r.query("offset"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "offset and limit must be integers.");
        }
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        offset = Math.max(0, offset);
        ObjectNode n = Json.object();
        n.put("count", all.size());
        if (offset + limit < all.size()) {
            n.put("next", link(r.baseUrl(), path, params, limit, offset + limit));
        } else {
            n.putNull("next");
        }
        if (offset > 0) {
            n.put("previous", link(r.baseUrl(), path, params, limit, Math.max(0, offset - limit)));
        } else {
            n.putNull("previous");
        }
        ArrayNode results = n.putArray("results");
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            results.add(all.get(i));
        }
        return Reply.json(n);
    }

    private static String link(String baseUrl, String path, List<String[]> params, int limit, int offset) {
        StringBuilder s = new StringBuilder(baseUrl).append(path).append('?');
        for (String[] p : params) {
            s.append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8)).append('&');
        }
        return s.append("limit=").append(limit).append("&offset=").append(offset).toString();
    }
}
