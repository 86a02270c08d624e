package io.camelinference.emulator.labelstudio;

import java.util.List;

import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.Request;

/** DRF page-number pagination ({@code ?page=2&page_size=50}), pages counted from 1. */
record Paging(int page, int size) {

    static Paging of(Request r, int defaultSize) {
        try {
            int page = r.query("page") == null ? 1 : Integer.parseInt(r.query("page"));
            int size = r.query("page_size") == null ? defaultSize : Integer.parseInt(r.query("page_size"));
            if (page < 1 || size < 1) {
                throw new ApiError(404, "Invalid page.");
            }
            return new Paging(page, Math.min(size, 10_000));
        } catch (NumberFormatException e) {
            throw new ApiError(404, "Invalid page.");
        }
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    boolean hasNext(int total) {
        return (long) page * size < total;
    }
}
