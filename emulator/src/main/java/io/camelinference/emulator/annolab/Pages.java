package io.camelinference.emulator.annolab;

import java.util.ArrayList;
import java.util.List;

/** Page arithmetic on source text whose pages are separated by form feeds. */
final class Pages {

    static final char SEPARATOR = '\f';

    /** One page: its 1-based number and its offsets {@code [start, end)} in the whole text. */
    record Page(int number, int start, int end) {
    }

    private Pages() {
    }

    static List<Page> split(String text) {
        List<Page> pages = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == SEPARATOR) {
                pages.add(new Page(number++, start, i));
                start = i + 1;
            }
        }
        pages.add(new Page(number, start, text.length()));
        return pages;
    }

    static int pageAt(String text, int offset) {
        int page = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == SEPARATOR) {
                page++;
            }
        }
        return page;
    }
}
