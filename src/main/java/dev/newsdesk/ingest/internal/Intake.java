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
import dev.newsdesk.site.Rejected;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes clean items into the portal, each on its own so that one bad item does not cost the others. An item
 * seen before (same GUID, or same address at the same source) revises its article only if its content
 * changed; a near-duplicate of a recent item of the same source revises that one; anything else becomes a
 * new article of the feed's source, published at once or kept as a draft. A story that other sources tell
 * too is linked to theirs by its similarity, for story clusters.
 *
 * <p>Each item goes in three steps: {@link #plan} decides what it is, reading only; {@link #gather} fetches
 * what a new story needs from the network (its page in full-text mode, its lead image), with no transaction
 * open; {@link #write} stores it all in one short transaction. So a page is fetched once, for a new item, and
 * a revision keeps the image and the story text its article has.
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
    /** Inside the item's transaction, so that a picture the image store chokes on costs the item only its image. */
    private final TransactionTemplate savepoint;

    Intake(FeedItems items, ArticleDesk desk, Rubrics rubrics, Images images, Fetcher fetcher, IngestSettings settings,
           TransactionTemplate transaction) {
        this.items = items;
        this.desk = desk;
        this.rubrics = rubrics;
        this.images = images;
        this.fetcher = fetcher;
        this.settings = settings;
        this.transaction = transaction;
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
                Plan plan = plan(feed, item, now);
                Plan ready = plan instanceof NewStory story ? gather(feed, story) : plan;
                switch (transaction.execute(status -> write(feed, ready, now))) {
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

    /** What an item is to the portal, and what writing it takes. */
    private sealed interface Plan permits Unchanged, Revision, SameStory, NewStory {
    }

    /** Seen before with the same content. */
    private record Unchanged(long itemId) implements Plan {
    }

    /** Seen before, with new content for its article. */
    private record Revision(long itemId, long articleId, CleanItem item, String hash, int[] signature) implements Plan {
    }

    /** New to the feed, but a recent story of the same source told again: it revises that story's article. */
    private record SameStory(long articleId, CleanItem item, String hash, int[] signature) implements Plan {
    }

    /**
     * A new story; {@code candidates} are recent items that may tell it too. Once gathered, {@code item} has
     * the text of its page (in full-text mode) and {@code picture} the bytes of its lead image, if any.
     */
    private record NewStory(CleanItem item, String hash, int[] signature, List<FeedItems.StoredItem> candidates,
                            byte[] picture) implements Plan {
    }

    /** Decides what the item is, with reads only. */
    private Plan plan(Feed feed, CleanItem item, Instant now) {
        if (item.key() == null) {
            throw new ArticleRejected(Rejected.FORM, "feeds.item.noKey");
        }
        // The item as the feed carries it: the same item on the next poll has the same hash.
        String hash = hash(item);
        int[] signature = MinHash.signature(Shingles.of(item.title() + " " + item.text(), item.language()));
        Optional<FeedItems.StoredItem> seen = items.byKey(feed.id(), item.key()).or(() -> items.byLink(feed.sourceId(), item.link()));
        if (seen.isPresent()) {
            return seen.get().contentHash().equals(hash) ? new Unchanged(seen.get().id())
                    : new Revision(seen.get().id(), seen.get().articleId(), item, hash, signature);
        }
        List<FeedItems.StoredItem> candidates = items.candidates(signature, now.minus(settings.nearDuplicateWindow()));
        return candidates.stream()
                .filter(candidate -> candidate.sourceId() == feed.sourceId())
                .filter(candidate -> MinHash.similarity(signature, candidate.signature()) >= SAME_STORY)
                .findFirst()
                .<Plan>map(sameStory -> new SameStory(sameStory.articleId(), item, hash, signature))
                .orElseGet(() -> new NewStory(item, hash, signature, candidates, null));
    }

    /** Fetches what a new story needs: its page, when the feed carries only a summary, and its lead image. */
    private NewStory gather(Feed feed, NewStory story) {
        CleanItem item = story.item();
        if (summaryOnly(feed, item)) {
            String page = FullText.extract(fetcher, item.link(), settings.maxBytes(), item.textLength());
            if (page != null) {
                item = withStory(item, page);
            }
        }
        return new NewStory(item, story.hash(), story.signature(), story.candidates(), picture(feed, item));
    }

    /** Stores what the plan says, inside the item's transaction. */
    private Result write(Feed feed, Plan plan, Instant now) {
        return switch (plan) {
            case Unchanged unchanged -> {
                items.seen(unchanged.itemId(), now);
                yield Result.UNCHANGED;
            }
            case Revision revision -> {
                revise(feed, revision.articleId(), revision.item());
                items.revised(revision.itemId(), revision.hash(), revision.signature(), now);
                yield Result.REVISED;
            }
            case SameStory same -> {
                revise(feed, same.articleId(), same.item());
                insert(feed, same.item(), same.articleId(), same.hash(), same.signature(), now);
                yield Result.REVISED;
            }
            case NewStory story -> {
                long articleId = desk.submit(draft(feed, story.item(), store(feed, story.item(), story.picture())));
                if (feed.autoPublish()) {
                    desk.publish(articleId);
                }
                insert(feed, story.item(), articleId, story.hash(), story.signature(), now);
                for (FeedItems.StoredItem candidate : story.candidates()) {
                    double similarity = MinHash.similarity(story.signature(), candidate.signature());
                    if (candidate.sourceId() != feed.sourceId() && similarity >= RELATED_STORY
                            && candidate.articleId() != articleId) {
                        items.similar(articleId, candidate.articleId(), similarity);
                        items.similar(candidate.articleId(), articleId, similarity);
                    }
                }
                yield Result.ADDED;
            }
        };
    }

    private void insert(Feed feed, CleanItem item, long articleId, String hash, int[] signature, Instant now) {
        items.insert(feed.id(), feed.sourceId(), item.key(), item.link(), articleId, hash, signature, item.published(),
                item.dateAssumed(), now);
    }

    /**
     * Revises an article with an item's new content. The article keeps its image, and in full-text mode the
     * story text taken from its page when the item is still a summary: the page is not fetched again.
     */
    private void revise(Feed feed, long articleId, CleanItem item) {
        Optional<Article> article = desk.find(articleId);
        CleanItem revised = item;
        if (article.isPresent() && summaryOnly(feed, item)) {
            String story = article.get().body().html();
            if (Jsoup.parse(story).text().length() > item.textLength()) {
                revised = withStory(item, story);
            }
        }
        desk.revise(articleId, draft(feed, revised, article.map(Article::imageId).orElse(null)));
    }

    private ArticleDraft draft(Feed feed, CleanItem item, Long imageId) {
        return new ArticleDraft(item.language(), RubricRules.pick(feed, item, rubrics), feed.sourceId(), item.title(),
                null, item.lead(), item.bodyHtml(), null, item.author(), item.link(), imageId, null, item.published());
    }

    /** Whether the story's text is to be taken from its page: full-text mode, and only a summary in the feed. */
    private static boolean summaryOnly(Feed feed, CleanItem item) {
        return feed.fullText() && item.textLength() < SUMMARY_ONLY;
    }

    /** The item with the story's text for its body; its summary (or else its title) becomes the lead. */
    private static CleanItem withStory(CleanItem item, String storyHtml) {
        return new CleanItem(item.guid(), item.link(), item.title(), item.lead() == null ? item.title() : item.lead(),
                storyHtml, Jsoup.parse(storyHtml).text(), item.published(), item.dateAssumed(), item.author(), item.categories(),
                item.imageUrl(), item.imageCredit(), item.language());
    }

    /** Downloads the lead image; a story goes without one when that fails. */
    private byte[] picture(Feed feed, CleanItem item) {
        if (item.imageUrl() == null) {
            return null;
        }
        try {
            return fetcher.fetchResource(URI.create(item.imageUrl()), settings.maxImageBytes()).body();
        } catch (FetchFailed | IllegalArgumentException e) {
            leftOut(feed, item, e);
            return null;
        }
    }

    /** Stores the lead image; whatever goes wrong (an unreadable picture, a refused credit) costs only the image. */
    private Long store(Feed feed, CleanItem item, byte[] picture) {
        if (picture == null) {
            return null;
        }
        try {
            return savepoint.execute(status -> images.add(picture, new Bilingual(null, null), item.imageCredit()).id());
        } catch (RuntimeException e) {
            leftOut(feed, item, e);
            return null;
        }
    }

    private static void leftOut(Feed feed, CleanItem item, Exception e) {
        log.info("Feed {}: the image {} of item {} is left out: {}", feed.id(), item.imageUrl(), item.key(),
                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
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
