package dev.newsdesk.ingest.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleDraft;
import dev.newsdesk.article.ArticleRejected;
import dev.newsdesk.article.Images;
import dev.newsdesk.article.Rubrics;
import dev.newsdesk.ingest.Feed;
import dev.newsdesk.ingest.IngestSettings;
import dev.newsdesk.ingest.clean.CleanItem;
import dev.newsdesk.ingest.dedupe.MinHash;
import dev.newsdesk.ingest.dedupe.Shingles;
import dev.newsdesk.ingest.fetch.FetchFailed;
import dev.newsdesk.ingest.fetch.Fetcher;
import dev.newsdesk.site.Bilingual;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes clean items into the portal, each in its own transaction so that one bad item does not cost the
 * others. An item seen before (same GUID, or same address at the same source) revises its article only
 * if its content changed; a near-duplicate of a recent item of the same source revises that one; anything
 * else becomes a new article of the feed's source, published at once or kept as a draft. A story that
 * other sources tell too is linked to theirs by its similarity, for story clusters.
 */
@Component
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    /** Above this estimated similarity, an item of the same source is the same story revised. */
    static final double SAME_STORY = 0.8;
    /** Above this, an item of another source tells the same story. */
    static final double RELATED_STORY = 0.5;
    /** Feeds with less text than this per item are completed from the page in full-text mode. */
    static final int SUMMARY_ONLY = 600;

    private final FeedItems items;
    private final ArticleDesk desk;
    private final Rubrics rubrics;
    private final Images images;
    private final Fetcher fetcher;
    private final IngestSettings settings;
    private final TransactionTemplate transaction;

    Intake(FeedItems items, ArticleDesk desk, Rubrics rubrics, Images images, Fetcher fetcher, IngestSettings settings,
           TransactionTemplate transaction) {
        this.items = items;
        this.desk = desk;
        this.rubrics = rubrics;
        this.images = images;
        this.fetcher = fetcher;
        this.settings = settings;
        this.transaction = transaction;
    }

    /** What taking a feed's items came to. */
    public record Outcome(int added, int revised, int unchanged, int refused) {
    }

    /** Takes the items of {@code feed}, oldest first (feeds list the newest first). */
    public Outcome take(Feed feed, List<CleanItem> clean, Instant now) {
        int added = 0;
        int revised = 0;
        int unchanged = 0;
        int refused = 0;
        for (CleanItem item : clean.reversed()) {
            try {
                Result result = transaction.execute(status -> takeOne(feed, complete(feed, item), now));
                switch (result) {
                    case ADDED -> added++;
                    case REVISED -> revised++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (ArticleRejected | org.springframework.dao.DataAccessException e) {
                refused++;
                log.warn("Feed {} ({}): item {} refused: {}", feed.id(), feed.url(), item.key(), e.getMessage());
            }
        }
        return new Outcome(added, revised, unchanged, refused);
    }

    private enum Result { ADDED, REVISED, UNCHANGED }

    private Result takeOne(Feed feed, CleanItem item, Instant now) {
        if (item.key() == null) {
            throw new ArticleRejected("the item has neither a GUID nor a link");
        }
        String text = item.title() + " " + item.text();
        int[] signature = MinHash.signature(Shingles.of(text, item.language()));
        String hash = hash(item);
        Optional<FeedItems.StoredItem> seen = items.byKey(feed.id(), item.key()).or(() -> items.byLink(feed.sourceId(), item.link()));
        if (seen.isPresent()) {
            if (seen.get().contentHash().equals(hash)) {
                items.seen(seen.get().id(), now);
                return Result.UNCHANGED;
            }
            revise(feed, seen.get().articleId(), item);
            items.revised(seen.get().id(), hash, signature, now);
            return Result.REVISED;
        }
        List<FeedItems.StoredItem> candidates = items.candidates(signature, now.minus(settings.nearDuplicateWindow()));
        Optional<FeedItems.StoredItem> sameStory = candidates.stream()
                .filter(candidate -> candidate.sourceId() == feed.sourceId())
                .filter(candidate -> MinHash.similarity(signature, candidate.signature()) >= SAME_STORY)
                .findFirst();
        if (sameStory.isPresent()) {
            revise(feed, sameStory.get().articleId(), item);
            items.insert(feed.id(), feed.sourceId(), item.key(), item.link(), sameStory.get().articleId(), hash, signature,
                    item.published(), item.dateAssumed(), now);
            return Result.REVISED;
        }
        long articleId = desk.submit(draft(feed, item, image(item, feed)));
        if (feed.autoPublish()) {
            desk.publish(articleId);
        }
        items.insert(feed.id(), feed.sourceId(), item.key(), item.link(), articleId, hash, signature, item.published(),
                item.dateAssumed(), now);
        for (FeedItems.StoredItem candidate : candidates) {
            double similarity = MinHash.similarity(signature, candidate.signature());
            if (candidate.sourceId() != feed.sourceId() && similarity >= RELATED_STORY && candidate.articleId() != articleId) {
                items.similar(articleId, candidate.articleId(), similarity);
                items.similar(candidate.articleId(), articleId, similarity);
            }
        }
        return Result.ADDED;
    }

    private void revise(Feed feed, long articleId, CleanItem item) {
        Optional<Article> article = desk.find(articleId);
        desk.revise(articleId, draft(feed, item, article.map(Article::imageId).orElse(null)));
    }

    private ArticleDraft draft(Feed feed, CleanItem item, Long imageId) {
        return new ArticleDraft(item.language(), RubricRules.pick(feed, item, rubrics), feed.sourceId(), item.title(),
                null, item.lead(), item.bodyHtml(), null, item.author(), item.link(), imageId, null, item.published());
    }

    /** In full-text mode, an item with only a summary gets the text of its page (or keeps the summary). */
    private CleanItem complete(Feed feed, CleanItem item) {
        if (!feed.fullText() || item.textLength() >= SUMMARY_ONLY) {
            return item;
        }
        String page = FullText.extract(fetcher, item.link(), settings.maxBytes(), item.textLength());
        if (page == null) {
            return item;
        }
        return new CleanItem(item.guid(), item.link(), item.title(), item.lead() == null ? item.title() : item.lead(),
                page, Jsoup.parse(page).text(), item.published(), item.dateAssumed(), item.author(), item.categories(),
                item.imageUrl(), item.imageCredit(), item.language());
    }

    /** Downloads and stores the lead image; a story goes without one when that fails. */
    private Long image(CleanItem item, Feed feed) {
        if (item.imageUrl() == null) {
            return null;
        }
        try {
            byte[] data = fetcher.fetchResource(URI.create(item.imageUrl()), settings.maxImageBytes()).body();
            return images.add(data, new Bilingual(null, null), item.imageCredit()).id();
        } catch (FetchFailed | ArticleRejected | IllegalArgumentException e) {
            log.info("Feed {}: the image {} of item {} is left out: {}", feed.id(), item.imageUrl(), item.key(), e.getMessage());
            return null;
        }
    }

    private static String hash(CleanItem item) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {item.title(), item.lead(), item.bodyHtml(), item.imageUrl(), item.author()}) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
