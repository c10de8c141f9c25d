package dev.newsdesk.site;

/** A link in the site's navigation: its label and site path. */
public record NavLink(String label, String href) {
}
