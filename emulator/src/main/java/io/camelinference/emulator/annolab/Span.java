package io.camelinference.emulator.annolab;

/**
 * One annotation a model produced on a source's text: its type, the covered text (or a label, for classifications),
 * the character offsets {@code [start, end)} into the source text, and the pages it covers (1-based; null when the
 * source has no pages).
 */
record Span(String type, String value, int start, int end, Integer pageNumber, Integer endPageNumber) {

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
