package dev.newsdesk.site;

import java.util.List;

/**
 * Contributes links to the site's main navigation; a module that owns sections of the site implements it
 * so that the shell can show them without knowing the module.
 */
public interface NavigationSource {

    /** The links to show, in order, for pages in {@code language}. */
    List<NavLink> links(Language language);

    /** Where this source's links go relative to other sources' (lower first). */
    default int order() {
        return 0;
    }
}
