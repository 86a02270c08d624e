package io.camelinference.common.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import io.camelinference.common.error.InferenceException;

/**
 * Follows a paginated list ({@code next} links) to its end, within bounds: at most {@code maxPages} pages, and never the
 * same page twice (a self-referencing or cyclic {@code next} fails clearly instead of looping until the heap is gone).
 * Every page is fetched through the client, so a {@code next} on another host is refused before anything is sent.
 */
public final class Pages {

    /** Default page cap. */
    public static final int DEFAULT_MAX_PAGES = 1000;

    private Pages() {
    }

    /**
     * @param http     the service's client
     * @param firstUrl the first page
     * @param pageType the page record
     * @param items    the items of a page (null is read as none)
     * @param next     the next page's URL, or null/blank on the last page
     * @param maxPages most pages to read
     */
    public static <P, T> CompletableFuture<List<T>> collect(InferenceHttpClient http, String firstUrl, Class<P> pageType,
                                                            Function<P, List<T>> items, Function<P, String> next,
                                                            int maxPages) {
        return collect(http, firstUrl, pageType, items, next, maxPages, request -> { });
    }

    /**
     * As {@link #collect(InferenceHttpClient, String, Class, Function, Function, int)}, each page's request completed
     * by {@code request} (e.g. marked as a status check).
     */
    public static <P, T> CompletableFuture<List<T>> collect(InferenceHttpClient http, String firstUrl, Class<P> pageType,
                                                            Function<P, List<T>> items, Function<P, String> next,
                                                            int maxPages, Consumer<ApiRequest.Builder> request) {
        Walk<P, T> walk = new Walk<>(http, pageType, items, next, maxPages, request);
        walk.fetch(firstUrl);
        return walk.result;
    }

    private static final class Walk<P, T> {
        private final InferenceHttpClient http;
        private final Class<P> pageType;
        private final Function<P, List<T>> items;
        private final Function<P, String> next;
        private final int maxPages;
        private final Consumer<ApiRequest.Builder> request;
        private final List<T> collected = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private final CompletableFuture<List<T>> result = new CompletableFuture<>();

        Walk(InferenceHttpClient http, Class<P> pageType, Function<P, List<T>> items, Function<P, String> next,
             int maxPages, Consumer<ApiRequest.Builder> request) {
            this.request = request;
            this.http = http;
            this.pageType = pageType;
            this.items = items;
            this.next = next;
            this.maxPages = maxPages;
        }

        void fetch(String url) {
            String normalized = http.resolve(url);
            if (!seen.add(normalized)) {
                fail("its next link points back to a page already read (" + describe(url) + "); stopped after "
                        + seen.size() + " pages instead of looping");
                return;
            }
            if (seen.size() > maxPages) {
                fail("it has more than " + maxPages + " pages; stopped there (narrow the query)");
                return;
            }
            ApiRequest.Builder builder = ApiRequest.get(url);
            request.accept(builder);
            http.send(builder.build(), pageType).whenComplete((page, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                    return;
                }
                try {
                    List<T> pageItems = items.apply(page);
                    if (pageItems != null) {
                        collected.addAll(pageItems);
                    }
                    String nextUrl = next.apply(page);
                    if (nextUrl == null || nextUrl.isBlank()) {
                        result.complete(collected);
                    } else {
                        fetch(nextUrl);
                    }
                } catch (RuntimeException unreadable) {
                    // a page the component cannot make sense of (or a next link it cannot resolve) fails the list; in a
                    // whenComplete it would vanish and leave the list, and every job waiting on it, pending for good
                    result.completeExceptionally(unreadable);
                }
            });
        }

        private void fail(String why) {
            result.completeExceptionally(new InferenceException(http.provider(), "The " + http.provider()
                    + " list could not be read to its end: " + why));
        }

        private static String describe(String url) {
            int q = url.indexOf('?');
            return q < 0 ? url : url.substring(0, q) + "?...";
        }
    }
}
