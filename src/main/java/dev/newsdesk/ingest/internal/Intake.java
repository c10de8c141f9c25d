package dev.newsdesk.ingest.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes clean items into the portal, in batches. An item seen before (same GUID, or same address at the same
 * source) revises its article only if its content changed; a near-duplicate of a recent item of the same source
 * revises that one; anything else becomes a new article of the feed's source, published at once or kept as a
 * draft. A story that other sources tell too is linked to theirs by its similarity, for story clusters.
 *
 * <p>A batch of up to {@link #BATCH} items goes in three steps: {@link #plan} decides what each item is, with a
 * few reads for the whole batch; {@link #gather} fetches what the new stories need from the network (a page in
 * full-text mode, a lead image), with no transaction open; {@link #write} stores it all in one transaction, with
 * batched inserts. So a page is fetched once, for a new item, and a revision keeps the image and the story text
 * its article has. A batch ends before an item that depends on one already in it (the same GUID or address, or
 * the same story told again): that item is planned with the next batch, against what this one stored, so the
 * outcome is the same as taking the items one by one. When a batch fails, its items are written again one per
 * transaction, so that one bad item does not cost the others.
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
    /**
     * Items written in one transaction: enough that the statements and the commit cost little per item, few
     * enough that a transaction holds its change numbers (and locks) for a fraction of a second, and that the
     * candidates query keeps its list of bands (16 per item) well inside every database's limit on parameters.
     */
    static final int BATCH = 100;

    private final FeedItems items;
    private final ArticleDesk desk;
    private final Rubrics rubrics;
    private final Images images;
    private final Fetcher fetcher;
    private final IngestSettings settings;
    private final TransactionTemplate transaction;
    /** Inside the batch's transaction, so that a picture the image store chokes on costs the item only its image. */
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
        List<CleanItem> oldestFirst = clean.reversed();
        Tally tally = new Tally();
        int next = 0;
        while (next < oldestFirst.size()) {
            List<Plan> batch = plan(feed, oldestFirst.subList(next, Math.min(next + BATCH, oldestFirst.size())), now);
            next += batch.size();
            write(feed, gather(feed, batch), now, tally);
        }
        return new Outcome(tally.added, tally.revised, tally.unchanged, tally.refused);
    }

    private enum Result { ADDED, REVISED, UNCHANGED }

    /** The count of each outcome, as the batches come in. */
    private static final class Tally {
        int added;
        int revised;
        int unchanged;
        int refused;

        void add(Result result) {
            switch (result) {
                case ADDED -> added++;
                case REVISED -> revised++;
                case UNCHANGED -> unchanged++;
            }
        }
    }

    /** What an item is to the portal, and what writing it takes. */
    private sealed interface Plan permits Refused, Unchanged, Revision, SameStory, NewStory {
        CleanItem item();
    }

    /** Not to be taken: it has no GUID nor address to recognise it by next time. */
    private record Refused(CleanItem item, ArticleRejected reason) implements Plan {
    }

    /** Seen before with the same content. */
    private record Unchanged(CleanItem item, long itemId) implements Plan {
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

    /**
     * Decides what the first items of {@code next} are, with reads only: a plan for each item of the batch, which
     * ends early before an item that depends on one in it.
     */
    private List<Plan> plan(Feed feed, List<CleanItem> next, Instant now) {
        // The item as the feed carries it: the same item on the next poll has the same hash.
        List<String> hashes = next.stream().map(Intake::hash).toList();
        List<int[]> signatures = next.stream()
                .map(item -> MinHash.signature(Shingles.of(item.title() + " " + item.text(), item.language())))
                .toList();
        Map<String, FeedItems.StoredItem> byKey = items.byKeys(feed.id(),
                next.stream().map(CleanItem::key).filter(Objects::nonNull).distinct().toList());
        Map<String, FeedItems.StoredItem> byLink = items.byLinks(feed.sourceId(),
                next.stream().map(CleanItem::link).filter(Objects::nonNull).distinct().toList());
        List<FeedItems.StoredItem> recent = items.candidates(signatures, now.minus(settings.nearDuplicateWindow()));
        Map<Long, List<FeedItems.StoredItem>> byBand = new HashMap<>();
        for (FeedItems.StoredItem candidate : recent) {
            for (long band : distinct(MinHash.bands(candidate.signature()))) {
                byBand.computeIfAbsent(band, key -> new ArrayList<>()).add(candidate);
            }
        }
        Set<String> keysInBatch = new HashSet<>();
        Set<String> linksInBatch = new HashSet<>();
        Map<Long, List<int[]>> bandsInBatch = new HashMap<>();
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            CleanItem item = next.get(i);
            int[] signature = signatures.get(i);
            long[] bands = distinct(MinHash.bands(signature));
            if (dependsOnBatch(item, signature, bands, keysInBatch, linksInBatch, bandsInBatch)) {
                break;
            }
            if (item.key() != null) {
                keysInBatch.add(item.key());
            }
            if (item.link() != null) {
                linksInBatch.add(item.link());
            }
            for (long band : bands) {
                bandsInBatch.computeIfAbsent(band, key -> new ArrayList<>()).add(signature);
            }
            plans.add(plan(feed, item, hashes.get(i), signature, bands, byKey, byLink, byBand));
        }
        return plans;
    }

    /**
     * Whether an item must wait for the items before it in the batch to be stored: it has the GUID or the address
     * of one of them, or tells the same story (all the items of a feed have the same source).
     */
    private static boolean dependsOnBatch(CleanItem item, int[] signature, long[] bands, Set<String> keys,
                                          Set<String> links, Map<Long, List<int[]>> bandsInBatch) {
        if (item.key() != null && keys.contains(item.key()) || item.link() != null && links.contains(item.link())) {
            return true;
        }
        for (long band : bands) {
            for (int[] earlier : bandsInBatch.getOrDefault(band, List.of())) {
                if (MinHash.similarity(signature, earlier) >= SAME_STORY) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Decides what one item is, from what the batch's reads found. */
    private static Plan plan(Feed feed, CleanItem item, String hash, int[] signature, long[] bands,
                             Map<String, FeedItems.StoredItem> byKey, Map<String, FeedItems.StoredItem> byLink,
                             Map<Long, List<FeedItems.StoredItem>> byBand) {
        if (item.key() == null) {
            return new Refused(item, new ArticleRejected(Rejected.FORM, "feeds.item.noKey"));
        }
        FeedItems.StoredItem seen = byKey.get(item.key());
        if (seen == null && item.link() != null) {
            seen = byLink.get(item.link());
        }
        if (seen != null) {
            return seen.contentHash().equals(hash) ? new Unchanged(item, seen.id())
                    : new Revision(seen.id(), seen.articleId(), item, hash, signature);
        }
        // Those sharing a band with this item, in the order they were stored, each once.
        Map<Long, FeedItems.StoredItem> shared = new TreeMap<>();
        for (long band : bands) {
            byBand.getOrDefault(band, List.of()).forEach(candidate -> shared.put(candidate.id(), candidate));
        }
        List<FeedItems.StoredItem> candidates = List.copyOf(shared.values());
        return candidates.stream()
                .filter(candidate -> candidate.sourceId() == feed.sourceId())
                .filter(candidate -> MinHash.similarity(signature, candidate.signature()) >= SAME_STORY)
                .findFirst()
                .<Plan>map(sameStory -> new SameStory(sameStory.articleId(), item, hash, signature))
                .orElseGet(() -> new NewStory(item, hash, signature, candidates, null));
    }

    private static long[] distinct(long[] bands) {
        return Arrays.stream(bands).distinct().toArray();
    }

    /** The plans with what their new stories need fetched: no transaction is open here. */
    private List<Plan> gather(Feed feed, List<Plan> plans) {
        return plans.stream().map(plan -> plan instanceof NewStory story ? gather(feed, story) : plan).toList();
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

    /**
     * Stores a batch in one transaction; if that fails, each of its items in a transaction of its own, so that an
     * item the portal refuses (or the database does) is counted and logged, and costs nothing to the others.
     */
    private void write(Feed feed, List<Plan> batch, Instant now, Tally tally) {
        List<Plan> plans = new ArrayList<>();
        for (Plan plan : batch) {
            if (plan instanceof Refused refused) {
                refused(feed, refused.item(), refused.reason(), tally);
            } else {
                plans.add(plan);
            }
        }
        if (plans.isEmpty()) {
            return;
        }
        try {
            transaction.execute(status -> write(feed, plans, now)).forEach(tally::add);
        } catch (ArticleRejected | DataAccessException e) {
            if (plans.size() == 1) {
                refused(feed, plans.getFirst().item(), e, tally);
                return;
            }
            log.info("Feed {} ({}): a batch of {} items failed ({}); taking them one by one", feed.id(), feed.url(),
                    plans.size(), e.getMessage());
            for (Plan plan : plans) {
                write(feed, List.of(plan), now, tally);
            }
        }
    }

    private static void refused(Feed feed, CleanItem item, RuntimeException reason, Tally tally) {
        tally.refused++;
        log.warn("Feed {} ({}): item {} refused: {}", feed.id(), feed.url(), item.key(), reason.getMessage());
    }

    /** Stores what the plans say, inside the batch's transaction, and answers what became of each. */
    private List<Result> write(Feed feed, List<Plan> plans, Instant now) {
        List<Long> seen = new ArrayList<>();
        List<FeedItems.NewItem> stored = new ArrayList<>();
        List<NewStory> stories = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (Plan plan : plans) {
            switch (plan) {
                case Refused refused -> throw new IllegalStateException("A refused item is not written");
                case Unchanged unchanged -> {
                    seen.add(unchanged.itemId());
                    results.add(Result.UNCHANGED);
                }
                case Revision revision -> {
                    revise(feed, revision.articleId(), revision.item());
                    items.revised(revision.itemId(), revision.hash(), revision.signature(), now);
                    results.add(Result.REVISED);
                }
                case SameStory same -> {
                    revise(feed, same.articleId(), same.item());
                    stored.add(newItem(feed, same.item(), same.articleId(), same.hash(), same.signature()));
                    results.add(Result.REVISED);
                }
                case NewStory story -> {
                    stories.add(story);
                    results.add(Result.ADDED);
                }
            }
        }
        items.seenAll(seen, now);
        List<ArticleDraft> drafts = stories.stream()
                .map(story -> draft(feed, story.item(), store(feed, story.item(), story.picture())))
                .toList();
        List<Long> articleIds = feed.autoPublish() ? desk.publishAll(drafts) : desk.submitAll(drafts);
        List<FeedItems.Similarity> similar = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            NewStory story = stories.get(i);
            long articleId = articleIds.get(i);
            stored.add(newItem(feed, story.item(), articleId, story.hash(), story.signature()));
            for (FeedItems.StoredItem candidate : story.candidates()) {
                double similarity = MinHash.similarity(story.signature(), candidate.signature());
                if (candidate.sourceId() != feed.sourceId() && similarity >= RELATED_STORY
                        && candidate.articleId() != articleId) {
                    similar.add(new FeedItems.Similarity(articleId, candidate.articleId(), similarity));
                    similar.add(new FeedItems.Similarity(candidate.articleId(), articleId, similarity));
                }
            }
        }
        items.insertAll(stored, now);
        items.similarAll(similar);
        return results;
    }

    private static FeedItems.NewItem newItem(Feed feed, CleanItem item, long articleId, String hash, int[] signature) {
        return new FeedItems.NewItem(feed.id(), feed.sourceId(), item.key(), item.link(), articleId, hash, signature,
                item.published(), item.dateAssumed());
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
