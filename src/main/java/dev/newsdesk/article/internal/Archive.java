package dev.newsdesk.article.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticleChange;
import dev.newsdesk.article.ArticleChanges;
import dev.newsdesk.article.ArticleSettings;
import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.article.ChangeCursor;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.PagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The read side of the articles as readers see it, held in memory so that a page view on a warm node
 * does not reach the database. Every node follows article changes through a {@link ChangeCursor}
 * ({@link #followChanges()}) and drops what they touch: the changed articles themselves, and every
 * list, since a change can move an article into or out of any of them.
 */
@Component
public class Archive {

    /**
     * The cursor starts this many changes behind the newest, so that a transaction that took its number
     * before the node started and commits after is still seen; replaying them only empties an empty cache.
     */
    static final long STARTUP_REPLAY = 1000;

    private final Articles articles;
    private final ArticleSettings settings;
    private final ApplicationEventPublisher events;
    private final ChangeCursor<ArticleChange> cursor;
    private final Cache<Long, Optional<Article>> byId;
    private final Cache<ListKey, Object> lists;
    /** Lists are cached under the generation they were read in; a change starts a new one, so a read racing it is never served. */
    private final AtomicLong generation = new AtomicLong();

    Archive(Articles articles, ArticleChanges changes, ArticleSettings settings, ApplicationEventPublisher events) {
        this.articles = articles;
        this.events = events;
        this.settings = settings;
        this.cursor = changes.follow(ChangeCursor.Position.at(Math.max(0, changes.latest() - STARTUP_REPLAY)));
        this.byId = Caffeine.newBuilder().maximumSize(settings.cachedArticles()).build();
        this.lists = Caffeine.newBuilder().maximumSize(20_000).build();
    }

    /** An article in any state; callers decide what readers may see. */
    public Optional<Article> article(long id) {
        return byId.get(id, articles::find);
    }

    public List<ArticleSummary> latest(Language language, int limit) {
        return list("latest", List.of(language, limit), () -> articles.latest(language, limit));
    }

    /**
     * Page {@code page} (from 1) of a rubric in a language, and how many pages follow it (looking at
     * most {@code lookahead} pages ahead).
     */
    public RubricSlice rubricPage(long rubricId, Language language, int page, int lookahead) {
        int size = settings.pageSize();
        return list("rubricPage", List.of(rubricId, language, page, lookahead), () -> {
            List<Long> ids = articles.idsInRubric(rubricId, language, (page - 1) * size, size * (lookahead + 1) + 1);
            List<Long> onPage = ids.subList(0, Math.min(size, ids.size()));
            Map<Long, ArticleSummary> found = articles.published(onPage);
            List<ArticleSummary> items = onPage.stream().map(found::get).filter(Objects::nonNull).toList();
            int following = Math.max(0, ids.size() - size);
            return new RubricSlice(items, Math.min(lookahead, (following + size - 1) / size),
                    following > size * lookahead);
        });
    }

    /**
     * The articles of one rubric page; {@code pagesAfter} pages follow it within the lookahead, and
     * {@code more} says there are others beyond those.
     */
    public record RubricSlice(List<ArticleSummary> items, int pagesAfter, boolean more) {
    }

    public Optional<ArticleSummary> older(Article article) {
        return list("older", List.of(article.id()), () -> articles.older(article));
    }

    public Optional<ArticleSummary> newer(Article article) {
        return list("newer", List.of(article.id()), () -> articles.newer(article));
    }

    public Optional<ArticleSummary> translation(Article article) {
        return list("translation", List.of(article.id()), () -> articles.translation(article));
    }

    /** The published articles in {@code language} among {@code ids}, in the order of {@code ids}, at most {@code limit}. */
    public List<ArticleSummary> select(List<Long> ids, Language language, int limit) {
        return list("select", List.of(ids, language, limit), () -> {
            Map<Long, ArticleSummary> found = articles.published(ids);
            List<ArticleSummary> selected = new ArrayList<>();
            for (Long id : ids) {
                ArticleSummary summary = found.get(id);
                if (summary != null && summary.language() == language && selected.size() < limit) {
                    selected.add(summary);
                }
            }
            return List.copyOf(selected);
        });
    }

    public List<ArticleSummary> illustratedBy(long imageId) {
        return list("illustratedBy", List.of(imageId), () -> articles.illustratedBy(imageId));
    }

    /**
     * Drops what changed since the last call from the caches, then tells this node's page cache that the
     * changed articles' pages and every list page have changed: every node runs this, so the event need not
     * travel ({@link PagesChanged#onThisNode()}). Runs every {@link ArticleSettings#changePoll()} on every node
     * ({@link ChangeFollowing}); a failure reaches the caller, and the next call catches up.
     */
    public void followChanges() {
        List<ArticleChange> changes = cursor.poll();
        if (!changes.isEmpty()) {
            generation.incrementAndGet();
            lists.invalidateAll();
            changes.forEach(change -> byId.invalidate(change.articleId()));
            events.publishEvent(PagesChanged.articles(changes.stream().map(ArticleChange::articleId).toList())
                    .and(PagesChanged.LISTS).onThisNode());
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T list(String query, List<Object> arguments, Supplier<T> load) {
        return (T) lists.get(new ListKey(generation.get(), query, arguments), key -> load.get());
    }

    private record ListKey(long generation, String query, List<Object> arguments) {
    }
}
