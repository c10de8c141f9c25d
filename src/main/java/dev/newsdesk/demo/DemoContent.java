package dev.newsdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.Image;
import dev.newsdesk.article.Images;
import dev.newsdesk.article.Rubrics;
import dev.newsdesk.article.Source;
import dev.newsdesk.article.Sources;
import dev.newsdesk.ingest.FeedDesk;
import dev.newsdesk.ingest.FeedForm;
import dev.newsdesk.ingest.FeedRefresher;
import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.Language;
import dev.newsdesk.stats.ViewCounter;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a portal that has no rubrics yet with the bundled demo, so that a fresh installation opens on a
 * living front page. Rubrics, sources and images come from {@code demo/demo.json}; the stories come
 * through the feed pipeline, from the bundled feeds in {@code demo/feeds} (RSS, Atom, JSON Feed, one in
 * windows-1251), each taken in as if its source's feed had been fetched. Their publication times are
 * written as {@code {{published:HOURS}}} (hours before now), so that the demo always looks current.
 * The demo's feeds are subscribed but disabled: their addresses do not exist. So are the real public feeds of
 * a few agencies ({@code sampleFeeds}), for an editor to switch on where the portal can reach the internet.
 * <p>
 * The demo goes in while the application starts, before the web server takes its first request (a lifecycle
 * phase ahead of Spring Boot's web server), so that no reader ever sees the portal empty or half-filled, and
 * readiness stays down until it is in. Nodes that start together on one empty database fill it once: the node
 * that takes the ShedLock lock {@value #LOCK} loads the demo, the others wait for the lock and then find the
 * portal filled. A node that dies while loading holds the others up until its lock expires
 * ({@link #LOCK_AT_MOST}), and leaves the portal half-filled: they do not load the demo over it.
 */
@Component
@EnableConfigurationProperties(DemoSettings.class)
class DemoContent implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final String CONTENT = "demo/demo.json";
    private static final Pattern PUBLISHED = Pattern.compile("\\{\\{published:(\\d+)}}");
    /** Ahead of Spring Boot's web server, which starts taking requests in phase {@code DEFAULT_PHASE - 2048}. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    static final String LOCK = "demo-content";
    /** Far longer than loading the demo takes: how long a node that died while loading it holds the others up. */
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(5);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);

    private final DemoSettings settings;
    private final Rubrics rubrics;
    private final Sources sources;
    private final Images images;
    private final ArticleDesk desk;
    private final FeedDesk feeds;
    private final FeedRefresher refresher;
    private final ViewCounter views;
    private final Clock clock;
    private final JsonMapper json;
    private final LockProvider locks;
    private volatile boolean running;

    DemoContent(DemoSettings settings, Rubrics rubrics, Sources sources, Images images, ArticleDesk desk, FeedDesk feeds,
                FeedRefresher refresher, ViewCounter views, Clock clock, JsonMapper json, LockProvider locks) {
        this.settings = settings;
        this.rubrics = rubrics;
        this.sources = sources;
        this.images = images;
        this.desk = desk;
        this.feeds = feeds;
        this.refresher = refresher;
        this.views = views;
        this.clock = clock;
        this.json = json;
        this.locks = locks;
    }

    @Override
    public void start() {
        if (settings.enabled()) {
            fillIfEmpty();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Loads the demo unless the portal has rubrics already; while another node holds the lock, waits for it. */
    void fillIfEmpty() {
        long patience = System.nanoTime() + LOCK_AT_MOST.plusMinutes(1).toNanos();
        boolean told = false;
        while (true) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), LOCK, LOCK_AT_MOST, Duration.ZERO));
            if (lock.isPresent()) {
                try {
                    // The database, not a cache: another node may have filled the portal a moment ago.
                    if (rubrics.noneStored()) {
                        long started = System.nanoTime();
                        Demo demo = read();
                        int articles = load(demo);
                        log.info("Loaded the demo content in {} ms: {} rubrics, {} sources, {} images, {} stories from "
                                + "{} bundled feeds (set newsdesk.demo.enabled=false to start empty)",
                                Duration.ofNanos(System.nanoTime() - started).toMillis(), demo.rubrics().size(),
                                demo.sources().size(), demo.images().size(), articles, demo.feeds().size());
                    }
                } finally {
                    lock.get().unlock();
                }
                return;
            }
            if (System.nanoTime() - patience > 0) {
                throw new IllegalStateException("Other nodes have held the lock " + LOCK + " for more than "
                        + LOCK_AT_MOST.plusMinutes(1) + ", far longer than loading the demo content takes");
            }
            if (!told) {
                log.info("Another node is loading the demo content; this one waits for it before taking requests");
                told = true;
            }
            try {
                Thread.sleep(WAIT_STEP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while another node was loading the demo content", e);
            }
        }
    }

    int load(Demo demo) {
        for (DemoRubric rubric : demo.rubrics()) {
            rubrics.add(rubric.slug(), new Bilingual(rubric.nameRu(), rubric.nameEn()),
                    new Bilingual(rubric.headerRu(), rubric.headerEn()));
        }
        Map<String, Source> sourcesByKey = new HashMap<>();
        for (DemoSource source : demo.sources()) {
            sourcesByKey.put(source.key(), sources.add(new Source(0, source.key(),
                    new Bilingual(source.nameRu(), source.nameEn()), source.country(), source.homeUrl(),
                    new Bilingual(null, null), new Bilingual(source.licenceRu(), source.licenceEn()))));
        }
        Map<String, Long> imageIds = new HashMap<>();
        for (DemoImage image : demo.images()) {
            Image added = images.add(bytes("demo/images/" + image.file()),
                    new Bilingual(image.captionRu(), image.captionEn()), image.credit());
            imageIds.put(image.file(), added.id());
        }
        // Each item is filed under the rubric its category names.
        String rules = demo.rubrics().stream().map(r -> r.slug() + " => " + r.slug()).collect(Collectors.joining("\n"));
        long defaultRubric = rubrics.all().getFirst().id();
        Instant now = clock.instant();
        List<Long> feedIds = new ArrayList<>();
        int stories = 0;
        for (DemoFeed feed : demo.feeds()) {
            Source source = sourcesByKey.get(feed.source());
            long feedId = feeds.subscribe(source.id(), new FeedForm(source.homeUrl() + "demo/" + feed.file(), defaultRubric,
                    rules, null, true, false, 60, false));
            FeedRefresher.Refresh taken = refresher.take(feedId, feedFile(feed, now), URI.create(source.homeUrl()));
            if (taken.error() != null) {
                throw new IllegalStateException("The bundled demo feed " + feed.file() + " cannot be read: " + taken.error());
            }
            feedIds.add(feedId);
            stories += taken.added();
        }
        for (DemoArticle extra : demo.articles()) {
            Long id = articleOf(feedIds, extra.key());
            if (id != null && extra.image() != null) {
                desk.illustrate(id, imageIds.get(extra.image()));
            }
            Long original = extra.translationOf() == null ? null : articleOf(feedIds, extra.translationOf());
            if (id != null && original != null) {
                desk.linkTranslation(id, original);
            }
        }
        // Real agencies' feeds, subscribed but switched off: the test machines have no internet; an editor
        // switches them on in the desk.
        for (SampleFeed sample : demo.sampleFeeds()) {
            Source source = sources.add(new Source(0, sample.key(), new Bilingual(sample.nameRu(), sample.nameEn()),
                    sample.country(), sample.homeUrl(), new Bilingual(null, null),
                    new Bilingual(sample.licenceRu(), sample.licenceEn())));
            feeds.subscribe(source.id(), new FeedForm(sample.url(), rubrics.bySlug(sample.rubric()).orElseThrow().id(),
                    rules, Language.ofCode(sample.language()), true, false, 15, false));
        }
        // Readership that a site of this kind would have gathered, so that counters and "most read" are not empty.
        for (long feedId : feedIds) {
            for (long id : feeds.latestArticles(feedId, 1000)) {
                desk.find(id).ifPresent(article -> views.importViews(id, 40 + Math.floorMod(id * 7919L, 4000)
                        / Math.max(1, Duration.between(article.publishedAt(), now).toDays() + 1),
                        article.publishedAt().plus(Duration.ofMinutes(30))));
            }
        }
        return stories;
    }

    private Long articleOf(List<Long> feedIds, String key) {
        for (long feedId : feedIds) {
            java.util.Optional<Long> id = feeds.articleOf(feedId, key);
            if (id.isPresent()) {
                return id.get();
            }
        }
        return null;
    }

    /** The bundled feed with its publication times set relative to now, in the encoding the file declares. */
    private byte[] feedFile(DemoFeed feed, Instant now) {
        String charset = "rss".equals(feed.format()) && new String(bytes("demo/feeds/" + feed.file()), 0, 60,
                StandardCharsets.ISO_8859_1).contains("windows-1251") ? "windows-1251" : "UTF-8";
        String text = new String(bytes("demo/feeds/" + feed.file()), java.nio.charset.Charset.forName(charset));
        DateTimeFormatter format = "rss".equals(feed.format()) ? DateTimeFormatter.RFC_1123_DATE_TIME
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Matcher matcher = PUBLISHED.matcher(text);
        StringBuilder dated = new StringBuilder();
        while (matcher.find()) {
            // Whole seconds: feed date parsers do not all read fractions.
            Instant at = now.minus(Duration.ofHours(Long.parseLong(matcher.group(1))))
                    .minus(Duration.ofMinutes(Math.floorMod(matcher.start() * 7, 60))).truncatedTo(ChronoUnit.SECONDS);
            matcher.appendReplacement(dated, format.format(at.atOffset(ZoneOffset.UTC)));
        }
        matcher.appendTail(dated);
        return dated.toString().getBytes(java.nio.charset.Charset.forName(charset));
    }

    Demo read() {
        try (InputStream input = new ClassPathResource(CONTENT).getInputStream()) {
            return json.readValue(input, Demo.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo content " + CONTENT, e);
        }
    }

    private static byte[] bytes(String path) {
        try (InputStream input = new ClassPathResource(path).getInputStream()) {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo file " + path, e);
        }
    }

    record Demo(List<DemoRubric> rubrics, List<DemoSource> sources, List<DemoImage> images, List<DemoFeed> feeds,
                List<DemoArticle> articles, List<SampleFeed> sampleFeeds) {
    }

    /** A real agency's public feed, offered disabled: the source, and the feed's address, rubric and language. */
    record SampleFeed(String key, String nameRu, String nameEn, String country, String homeUrl, String licenceRu,
                      String licenceEn, String url, String rubric, String language) {
    }

    record DemoRubric(String slug, String nameRu, String nameEn, String headerRu, String headerEn) {
    }

    record DemoSource(String key, String nameRu, String nameEn, String country, String homeUrl, String licenceRu,
                      String licenceEn) {
    }

    record DemoImage(String file, String captionRu, String captionEn, String credit) {
    }

    /** A bundled feed of a source, in format "rss", "atom" or "json". */
    record DemoFeed(String source, String file, String format) {
    }

    /** What a feed cannot say about one of its stories: its picture, and the story it translates. */
    record DemoArticle(String key, String image, String translationOf) {
    }
}
