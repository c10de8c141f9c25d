package dev.newsdesk.article;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.newsdesk.article.internal.ArticleHtml;
import dev.newsdesk.article.internal.Articles;
import dev.newsdesk.article.internal.Slugs;
import dev.newsdesk.site.Rejected;
import dev.newsdesk.site.SafeHtml;
import dev.newsdesk.site.WebAddress;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where articles enter the portal and move through their life: submitted as drafts, published now or
 * at a set time, revised, withdrawn. Editors, feed ingestion and the demo all go through here, so a
 * story is checked and its HTML sanitised once, on the way in. Readers see an article only while it is
 * {@link ArticleStatus#PUBLISHED}; each step announces itself with an event.
 */
@Service
public class ArticleDesk {

    static final String PUBLISH_LOCK = "publish-due";
    /** How long a node that stopped while publishing keeps the others from it. */
    static final Duration PUBLISH_LOCK_AT_MOST = Duration.ofMinutes(2);

    private final Articles articles;
    private final Rubrics rubrics;
    private final Sources sources;
    private final Images images;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ArticleSettings settings;
    private final TransactionTemplate batches;
    private final LockingTaskExecutor locking;

    ArticleDesk(Articles articles, Rubrics rubrics, Sources sources, Images images, ApplicationEventPublisher events,
                Clock clock, ArticleSettings settings, PlatformTransactionManager transactions, LockProvider locks) {
        this.articles = articles;
        this.rubrics = rubrics;
        this.sources = sources;
        this.images = images;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.batches = new TransactionTemplate(transactions);
        this.batches.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.locking = new DefaultLockingTaskExecutor(locks);
    }

    /** Stores a new article as a draft and answers its id. */
    @Transactional
    public long submit(ArticleDraft draft) {
        return articles.insert(check(draft), ArticleStatus.DRAFT, clock.instant());
    }

    /**
     * Stores new articles as drafts, in one batch, and answers their ids in the order of the drafts. Every draft
     * is checked first: one that cannot be shown refuses the whole call (and, in the caller's transaction, the
     * batch), so a caller that wants the others kept submits them again one by one.
     */
    @Transactional
    public List<Long> submitAll(List<ArticleDraft> drafts) {
        return articles.insertAll(drafts.stream().map(this::check).toList(), ArticleStatus.DRAFT, clock.instant());
    }

    /**
     * Stores new articles and makes them public at once, in one batch, as {@link #submit} then {@link #publish}
     * would each one: a story keeps the publication time it comes with when that lies in the past, otherwise it
     * is published as of now, and each announces itself with {@link ArticlePublished}. Answers their ids in the
     * order of the drafts; a draft that cannot be shown refuses the whole call, as in {@link #submitAll}.
     */
    @Transactional
    public List<Long> publishAll(List<ArticleDraft> drafts) {
        Instant now = clock.instant();
        List<Articles.Content> contents = drafts.stream().map(this::check)
                .map(content -> content.publishedAt() == null || content.publishedAt().isAfter(now)
                        ? content.withPublishedAt(now) : content)
                .toList();
        List<Long> ids = articles.insertAll(contents, ArticleStatus.PUBLISHED, now);
        ids.forEach(id -> events.publishEvent(new ArticlePublished(id)));
        return ids;
    }

    /**
     * Replaces the content of an article, keeping its status, and its publication time unless the draft
     * gives one; readers see the revision within a second or two if it is published.
     */
    @Transactional
    public void revise(long id, ArticleDraft draft) {
        Article current = require(id);
        Articles.Content content = check(draft);
        if (draft.publishedAt() == null) {
            content = content.withPublishedAt(current.publishedAt());
        }
        articles.update(id, content, clock.instant());
        if (current.isPublic()) {
            events.publishEvent(new ArticleUpdated(id));
        }
    }

    /**
     * Makes an article public. It keeps the publication time it was submitted with when that lies in the
     * past (a story from a feed keeps the agency's time); otherwise it is published as of now.
     */
    @Transactional
    public void publish(long id) {
        Article article = require(id);
        if (article.isPublic()) {
            return;
        }
        Instant now = clock.instant();
        Instant at = article.publishedAt() == null || article.publishedAt().isAfter(now) ? now : article.publishedAt();
        articles.changeStatus(id, ArticleStatus.PUBLISHED, at, now);
        events.publishEvent(new ArticlePublished(id));
    }

    /** Publishes an article by itself at {@code at}, or now if that time has passed. */
    @Transactional
    public void schedule(long id, Instant at) {
        Article article = require(id);
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            publish(id);
            return;
        }
        articles.changeStatus(id, ArticleStatus.SCHEDULED, at, now);
        if (article.isPublic()) {
            events.publishEvent(new ArticleWithdrawn(id));
        }
    }

    /** Takes an article off the site; its address answers "not found" from then on. */
    @Transactional
    public void withdraw(long id) {
        Article article = require(id);
        if (article.status() == ArticleStatus.WITHDRAWN) {
            return;
        }
        articles.changeStatus(id, ArticleStatus.WITHDRAWN, article.publishedAt(), clock.instant());
        if (article.isPublic()) {
            events.publishEvent(new ArticleWithdrawn(id));
        }
    }

    /**
     * Publishes the scheduled articles whose time has come: the scheduler's way in, on every node. One node
     * at a time does it (under a ShedLock lock; the others return at once), in transactions of
     * {@link ArticleSettings#publishBatch()} articles each, so that none holds a change number for long (see
     * {@link ChangeCursor}). It leaves what is still due after half its lock's time to the next call.
     *
     * @return how many articles this call published; 0 when none was due or another node was at it
     */
    public int publishDue() {
        // Nothing is locked while nothing is due, which is nearly always.
        if (articles.due(clock.instant(), 1).isEmpty()) {
            return 0;
        }
        int[] published = {0};
        locking.executeWithLock((Runnable) () -> published[0] = publishDueBatches(),
                new LockConfiguration(clock.instant(), PUBLISH_LOCK, PUBLISH_LOCK_AT_MOST, Duration.ZERO));
        return published[0];
    }

    private int publishDueBatches() {
        Instant stop = clock.instant().plus(PUBLISH_LOCK_AT_MOST.dividedBy(2));
        int published = 0;
        Instant now;
        List<Long> due;
        do {
            now = clock.instant();
            due = articles.due(now, settings.publishBatch());
            published += publishBatch(due, now);
        } while (due.size() == settings.publishBatch() && now.isBefore(stop));
        return published;
    }

    /** Publishes {@code due} in one transaction of its own, announcing each article that this call took. */
    private int publishBatch(List<Long> due, Instant now) {
        if (due.isEmpty()) {
            return 0;
        }
        return batches.execute(transaction -> {
            int published = 0;
            for (long id : due) {
                if (articles.publishScheduled(id, now)) {
                    events.publishEvent(new ArticlePublished(id));
                    published++;
                }
            }
            return published;
        });
    }

    /** Gives an article its lead image (or takes it away, with null). */
    @Transactional
    public void illustrate(long id, Long imageId) {
        Article article = require(id);
        if (imageId != null && images.find(imageId).isEmpty()) {
            throw new ArticleRejected("imageId", "article.error.noImage");
        }
        articles.illustrate(id, imageId, clock.instant());
        if (article.isPublic()) {
            events.publishEvent(new ArticleUpdated(id));
        }
    }

    /** Records that an article is the translation of another, in the other language. */
    @Transactional
    public void linkTranslation(long translationId, long originalId) {
        Article translation = require(translationId);
        Article original = require(originalId);
        if (translation.language() == original.language()) {
            throw new ArticleRejected("translationOf", "article.error.translationLanguage");
        }
        articles.linkTranslation(translationId, originalId, clock.instant());
        if (translation.isPublic()) {
            events.publishEvent(new ArticleUpdated(translationId));
        }
    }

    /** An article in any state, as stored now (not from a cache). */
    public Optional<Article> find(long id) {
        return articles.find(id);
    }

    private Article require(long id) {
        return articles.find(id).orElseThrow(() -> new ArticleRejected(Rejected.FORM, "article.error.noArticle"));
    }

    private Articles.Content check(ArticleDraft draft) {
        if (draft.language() == null) {
            throw new ArticleRejected("language", "article.error.language");
        }
        String title = text(draft.title(), 500, "title");
        if (title == null) {
            throw new ArticleRejected("title", "article.error.title");
        }
        SafeHtml body = ArticleHtml.sanitize(draft.body());
        if (body.html().isEmpty()) {
            throw new ArticleRejected("body", "article.error.body");
        }
        if (rubrics.byId(draft.rubricId()).isEmpty()) {
            throw new ArticleRejected("rubricId", "article.error.noRubric");
        }
        if (draft.sourceId() != null && sources.byId(draft.sourceId()).isEmpty()) {
            throw new ArticleRejected("sourceId", "article.error.noSource");
        }
        if (draft.imageId() != null && images.find(draft.imageId()).isEmpty()) {
            throw new ArticleRejected("imageId", "article.error.noImage");
        }
        if (draft.translationOf() != null) {
            Article original = articles.find(draft.translationOf())
                    .orElseThrow(() -> new ArticleRejected("translationOf", "article.error.noArticle"));
            if (original.language() == draft.language()) {
                throw new ArticleRejected("translationOf", "article.error.translationLanguage");
            }
        }
        return new Articles.Content(draft.language(), draft.rubricId(), draft.sourceId(), draft.imageId(),
                draft.translationOf(), title, Slugs.of(title), text(draft.subtitle(), 500, "subtitle"),
                text(draft.lead(), 2000, "lead"), body, text(draft.dateline(), 300, "dateline"),
                text(draft.author(), 300, "author"), url(draft.originalUrl()), draft.publishedAt());
    }

    /** Plain text with its whitespace collapsed; null when blank. */
    private static String text(String value, int maxLength, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replaceAll("\\s+", " ");
        if (text.length() > maxLength) {
            throw new ArticleRejected(field, "article.error.tooLong");
        }
        return text;
    }

    private static String url(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return WebAddress.parse(value).map(URI::toString).filter(address -> address.length() <= 2000)
                .orElseThrow(() -> new ArticleRejected("originalUrl", "article.error.webAddress"));
    }
}
