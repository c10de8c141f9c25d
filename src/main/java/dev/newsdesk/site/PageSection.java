package dev.newsdesk.site;

import gg.jte.Content;

/**
 * A part of a page contributed by a module other than the one rendering the page: the member's menu
 * in the header, the comment prompt under an article. The page asks every section for its slot and
 * shows what they render, in {@link #order()}.
 */
public interface PageSection {

    Slot slot();

    /** What to show on this page, or null for nothing. Called on every page view: keep it cheap. */
    Content render(SectionContext context);

    default int order() {
        return 0;
    }

    /** The places a page offers to sections of other modules. */
    enum Slot {
        /** The right-hand side of the masthead (log in, the member's menu). */
        HEADER_TOOLS,
        /** Below the article and its rights notice. */
        UNDER_ARTICLE,
        /** The staff's start page: the desks of the modules, for those whose roles open them. */
        ADMIN_HOME
    }

    /**
     * The page a section is rendered on.
     *
     * @param path the page's own site path, to return to after logging in, for example
     * @param articleId the article shown, for {@link Slot#UNDER_ARTICLE}
     */
    record SectionContext(Language language, String path, Long articleId) {
    }
}
