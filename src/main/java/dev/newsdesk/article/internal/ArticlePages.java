package dev.newsdesk.article.internal;

import java.util.Set;

import dev.newsdesk.site.PageHits;
import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.stats.ViewCounter;
import dev.newsdesk.stats.ViewsWritten;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Keeps the view counts right on article pages served from the page cache: a hit counts a view as the article
 * controller does (robots and revisits left out by {@link ViewCounter}), and once a flush has written an
 * article's new views, its page is dropped on this node and rendered again with the new count.
 * <p>
 * Why refresh on the flush rather than splice the count into kept bytes at a marker: the kept page stays one
 * immutable array, stored gzipped once, with one strong {@code ETag}, and served by a single write; splicing
 * would mean gzipping (or patching a gzip stream) and hashing on every hit, on the path the budget is for. The
 * cost is one render per viewed article per flush ({@code newsdesk.stats.flush-interval}, 1 s), and the count a
 * reader sees is at most one flush interval plus a render old. A page is dropped only for articles whose views
 * this node wrote; another node's views reach this node's pages when its stored totals refresh
 * ({@code newsdesk.stats.totals-refresh}) and the page is rendered again, within the page cache's time to live.
 */
@Component
class ArticlePages implements PageHits {

    private final ViewCounter views;
    private final ApplicationEventPublisher events;

    ArticlePages(ViewCounter views, ApplicationEventPublisher events) {
        this.views = views;
        this.events = events;
    }

    @Override
    public void served(Set<String> tags, HttpServletRequest request) {
        for (String tag : tags) {
            if (tag.startsWith(PagesChanged.ARTICLE)) {
                views.record(Long.parseLong(tag.substring(PagesChanged.ARTICLE.length())), request.getRemoteAddr(),
                        request.getHeader(HttpHeaders.USER_AGENT));
            }
        }
    }

    @EventListener
    void on(ViewsWritten written) {
        events.publishEvent(PagesChanged.articles(written.articleIds()).onThisNode());
    }
}
