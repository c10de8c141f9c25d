package dev.newsdesk.site;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Hears of every page the page cache serves from its copy, instead of the controller that would have rendered
 * it, so that what a render counts (an article's views) is counted on a hit too. Called on the request's
 * thread for each hit: keep it to memory.
 */
public interface PageHits {

    /** A page tagged with {@code tags} was served to {@code request} from the cache. */
    void served(Set<String> tags, HttpServletRequest request);
}
