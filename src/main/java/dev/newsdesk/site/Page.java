package dev.newsdesk.site;

import java.util.List;

import gg.jte.Content;

/**
 * What the layout needs to know about any page: its language, head metadata and navigation.
 * Built by {@link Pages}; every page model carries one.
 */
public record Page(
        Language language,
        Texts texts,
        String title,
        String shareTitle,
        String description,
        String canonicalUrl,
        List<Alternate> alternates,
        OpenGraph openGraph,
        String brand,
        String homeHref,
        List<NavItem> navigation,
        NavLink languageSwitch,
        List<Content> headerTools,
        Assets assets) {

    /** An interface string in the page's language. */
    public String t(String key) {
        return texts.get(key);
    }

    /** The same page in another language ({@code hreflang}). */
    public record Alternate(String hreflang, String href) {
    }

    /** Open Graph properties beyond title, description and URL. */
    public record OpenGraph(String type, String imageUrl, String publishedTime, String locale) {
    }

    /** A navigation link, marked when it leads to the section the page belongs to. */
    public record NavItem(String label, String href, boolean current) {
    }

    /** Fingerprinted URLs of the site's static files. */
    public record Assets(String stylesheet, String script, String icon) {
    }
}
