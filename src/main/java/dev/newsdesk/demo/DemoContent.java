package dev.newsdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleDraft;
import dev.newsdesk.article.Image;
import dev.newsdesk.article.Images;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Rubrics;
import dev.newsdesk.article.Source;
import dev.newsdesk.article.Sources;
import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.Language;
import dev.newsdesk.stats.ViewCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@code demo/demo.json} (and the pictures in {@code demo/images}) into a portal that has no
 * rubrics yet, so that a fresh installation opens on a living front page. Uses the same API as
 * editors and feeds: rubrics, sources and images first, then each article submitted and published.
 */
@Component
@EnableConfigurationProperties(DemoSettings.class)
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final String CONTENT = "demo/demo.json";

    private final DemoSettings settings;
    private final Rubrics rubrics;
    private final Sources sources;
    private final Images images;
    private final ArticleDesk desk;
    private final ViewCounter views;
    private final Clock clock;
    private final JsonMapper json;

    DemoContent(DemoSettings settings, Rubrics rubrics, Sources sources, Images images, ArticleDesk desk,
                ViewCounter views, Clock clock, JsonMapper json) {
        this.settings = settings;
        this.rubrics = rubrics;
        this.sources = sources;
        this.images = images;
        this.desk = desk;
        this.views = views;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled() || !rubrics.all().isEmpty()) {
            return;
        }
        Demo demo = read();
        int articles = load(demo);
        log.info("Loaded the demo content: {} rubrics, {} sources, {} images, {} articles "
                + "(set newsdesk.demo.enabled=false to start empty)", demo.rubrics().size(), demo.sources().size(),
                demo.images().size(), articles);
    }

    int load(Demo demo) {
        for (DemoRubric rubric : demo.rubrics()) {
            rubrics.add(rubric.slug(), new Bilingual(rubric.nameRu(), rubric.nameEn()),
                    new Bilingual(rubric.headerRu(), rubric.headerEn()));
        }
        Map<String, Long> sourceIds = new HashMap<>();
        for (DemoSource source : demo.sources()) {
            Source added = sources.add(new Source(0, source.key(), new Bilingual(source.nameRu(), source.nameEn()),
                    source.country(), source.homeUrl(), new Bilingual(null, null),
                    new Bilingual(source.licenceRu(), source.licenceEn())));
            sourceIds.put(source.key(), added.id());
        }
        Map<String, Long> imageIds = new HashMap<>();
        for (DemoImage image : demo.images()) {
            Image added = images.add(bytes("demo/images/" + image.file()),
                    new Bilingual(image.captionRu(), image.captionEn()), image.credit());
            imageIds.put(image.file(), added.id());
        }
        Map<String, Long> articleIds = new HashMap<>();
        Instant now = clock.instant();
        for (DemoArticle article : demo.articles()) {
            Rubric rubric = rubrics.bySlug(article.rubric())
                    .orElseThrow(() -> new IllegalStateException("Demo article " + article.key() + ": no rubric " + article.rubric()));
            // Minutes from the key spread stories of the same hour, always the same way.
            Instant published = now.minus(Duration.ofHours(article.hoursAgo()))
                    .minus(Duration.ofMinutes(Math.floorMod(article.key().hashCode(), 60)));
            long id = desk.submit(new ArticleDraft(Language.ofCode(article.lang()), rubric.id(),
                    required(sourceIds, article.source(), article), article.title(), null, article.subtitle(),
                    paragraphs(article.body()), article.dateline(), article.author(), article.originalUrl(),
                    article.image() == null ? null : required(imageIds, article.image(), article),
                    article.translationOf() == null ? null : required(articleIds, article.translationOf(), article),
                    published));
            desk.publish(id);
            articleIds.put(article.key(), id);
            // Readership that a site of this kind would have gathered, so that counters and "most read" are not empty.
            views.importViews(id, 40 + Math.floorMod(article.key().hashCode() * 31L, 4000) / Math.max(1, article.hoursAgo() / 24 + 1),
                    published.plus(Duration.ofMinutes(30)));
        }
        return articleIds.size();
    }

    private static <T> T required(Map<String, T> ids, String key, DemoArticle article) {
        T id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("Demo article " + article.key() + " refers to unknown " + key);
        }
        return id;
    }

    private static String paragraphs(List<String> body) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : body) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>\n");
        }
        return html.toString();
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
            throw new UncheckedIOException("Cannot read the demo image " + path, e);
        }
    }

    record Demo(List<DemoRubric> rubrics, List<DemoSource> sources, List<DemoImage> images,
                List<DemoArticle> articles) {
    }

    record DemoRubric(String slug, String nameRu, String nameEn, String headerRu, String headerEn) {
    }

    record DemoSource(String key, String nameRu, String nameEn, String country, String homeUrl, String licenceRu,
                      String licenceEn) {
    }

    record DemoImage(String file, String captionRu, String captionEn, String credit) {
    }

    record DemoArticle(String key, String lang, String rubric, String source, String title, String subtitle,
                       String dateline, List<String> body, String author, String originalUrl, int hoursAgo,
                       String image, String translationOf) {
    }
}
