package dev.newsdesk.article.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Links between the pages of an archive: newer and older, the first page, and the pages around the
 * current one ({@code 1 … 4 5 [6] 7 8 …}). The archive is never counted, so there is no "last page":
 * a trailing gap says that older pages go on.
 */
public record Pagination(String label, Link newer, Link older, List<Item> items) {

    /** A page number (href null for the current page) or a gap (number 0). */
    public record Item(int number, String href, boolean current) {

        public boolean gap() {
            return number == 0;
        }
    }

    /** Pages shown on each side of the current one. */
    static final int AROUND = 2;

    /**
     * The pagination of page {@code current}, followed by {@code pagesAfter} pages (at most {@link #AROUND})
     * and, if {@code more}, by others; page {@code n} lives at {@code path} (page 1) or {@code path?p=n}.
     */
    static Pagination of(String path, int current, int pagesAfter, boolean more, String label, String newerLabel,
                         String olderLabel) {
        if (current == 1 && pagesAfter == 0) {
            return null;
        }
        TreeSet<Integer> shown = new TreeSet<>(List.of(1));
        for (int n = Math.max(1, current - AROUND); n <= current + pagesAfter; n++) {
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
        if (more) {
            items.add(new Item(0, null, false));
        }
        Link newer = current > 1 ? new Link(newerLabel, href(path, current - 1)) : null;
        Link older = pagesAfter > 0 ? new Link(olderLabel, href(path, current + 1)) : null;
        return new Pagination(label, newer, older, List.copyOf(items));
    }

    static String href(String path, int page) {
        return page == 1 ? path : path + "?p=" + page;
    }
}
