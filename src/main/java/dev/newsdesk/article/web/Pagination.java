package dev.newsdesk.article.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Links between the pages of an archive: newer and older, and page numbers around the current one
 * with the first and the last ({@code 1 … 4 5 [6] 7 8 … 120}).
 */
public record Pagination(String label, Link newer, Link older, List<Item> items) {

    /** A page number (href null for the current page) or a gap (number 0). */
    public record Item(int number, String href, boolean current) {

        public boolean gap() {
            return number == 0;
        }
    }

    static final int AROUND = 2;

    /**
     * The pagination of page {@code current} of {@code pages}, where page {@code n} lives at
     * {@code path} (page 1) or {@code path?p=n}.
     */
    static Pagination of(String path, int current, int pages, String label, String newerLabel, String olderLabel) {
        if (pages <= 1) {
            return null;
        }
        TreeSet<Integer> shown = new TreeSet<>(List.of(1, pages));
        for (int n = Math.max(1, current - AROUND); n <= Math.min(pages, current + AROUND); n++) {
            shown.add(n);
        }
        List<Item> items = new ArrayList<>();
        int previous = 0;
        for (int n : shown) {
            if (n > previous + 1) {
                items.add(new Item(0, null, false));
            }
            items.add(new Item(n, n == current ? null : href(path, n), n == current));
            previous = n;
        }
        Link newer = current > 1 ? new Link(newerLabel, href(path, current - 1)) : null;
        Link older = current < pages ? new Link(olderLabel, href(path, current + 1)) : null;
        return new Pagination(label, newer, older, List.copyOf(items));
    }

    static String href(String path, int page) {
        return page == 1 ? path : path + "?p=" + page;
    }
}
