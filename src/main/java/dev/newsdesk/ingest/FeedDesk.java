package dev.newsdesk.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.newsdesk.article.Rubrics;
import dev.newsdesk.ingest.internal.FeedItems;
import dev.newsdesk.ingest.internal.Feeds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Subscribing sources' feeds and changing their settings; what editors and the demo use. */
@Service
public class FeedDesk {

    public static final int MIN_POLL_MINUTES = 5;
    public static final int MAX_POLL_MINUTES = 24 * 60;

    private final Feeds feeds;
    private final FeedItems items;
    private final Rubrics rubrics;
    private final IngestSettings settings;
    private final Clock clock;

    FeedDesk(Feeds feeds, FeedItems items, Rubrics rubrics, IngestSettings settings, Clock clock) {
        this.feeds = feeds;
        this.items = items;
        this.rubrics = rubrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** Subscribes a source to a feed; it is fetched at the next scheduler tick if enabled. */
    public long subscribe(long sourceId, FeedForm form) {
        check(form);
        try {
            return feeds.insert(sourceId, form.url().strip(), form.rubricId(), blankToNull(form.rubricRules()),
                    form.language(), form.autoPublish(), form.fullText(), form.pollMinutes(), form.enabled(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new FeedRejected("url", "feeds.error.urlTaken");
        }
    }

    public void update(long feedId, FeedForm form) {
        check(form);
        try {
            feeds.update(feedId, form.url().strip(), form.rubricId(), blankToNull(form.rubricRules()), form.language(),
                    form.autoPublish(), form.fullText(), form.pollMinutes(), form.enabled());
        } catch (DuplicateKeyException e) {
            throw new FeedRejected("url", "feeds.error.urlTaken");
        }
    }

    public Optional<Feed> find(long feedId) {
        return feeds.find(feedId);
    }

    public List<Feed> ofSource(long sourceId) {
        return feeds.ofSource(sourceId);
    }

    /** The articles the feed's latest items became, newest first. */
    public List<Long> latestArticles(long feedId, int limit) {
        return items.latestArticles(feedId, limit);
    }

    /** The article that the item with this GUID (or address) became. */
    public Optional<Long> articleOf(long feedId, String itemKey) {
        return items.articleOf(feedId, itemKey);
    }

    /** Refuses a subscription with every problem it has, each under the name of its field on the editors' form. */
    private void check(FeedForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            URI uri = new URI(form.url() == null ? "" : form.url().strip());
            if (uri.getScheme() == null || !settings.schemes().contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null || form.url().strip().length() > 2000) {
                problems.put("url", "feeds.error.url");
            }
        } catch (URISyntaxException e) {
            problems.put("url", "feeds.error.url");
        }
        if (rubrics.byId(form.rubricId()).isEmpty()) {
            problems.put("rubricId", "feeds.error.rubric");
        }
        if (form.pollMinutes() < MIN_POLL_MINUTES || form.pollMinutes() > MAX_POLL_MINUTES) {
            problems.put("pollMinutes", "feeds.error.poll");
        }
        if (form.rubricRules() != null && form.rubricRules().length() > 4000) {
            problems.put("rubricRules", "feeds.error.rules");
        }
        if (!problems.isEmpty()) {
            throw new FeedRejected(problems);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
