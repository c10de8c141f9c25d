package dev.newsdesk;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

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
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Makes rubrics, sources, images and articles for tests through the article module's API, each with
 * names of its own so that tests sharing a database do not see each other's news.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestNews {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final Rubrics rubrics;
    private final Sources sources;
    private final Images images;
    private final ArticleDesk desk;

    TestNews(Rubrics rubrics, Sources sources, Images images, ArticleDesk desk) {
        this.rubrics = rubrics;
        this.sources = sources;
        this.images = images;
        this.desk = desk;
    }

    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet();
    }

    public Rubric rubric() {
        String slug = unique("test-rubric");
        return rubrics.add(slug, new Bilingual("Рубрика " + slug, "Rubric " + slug),
                new Bilingual("Новости рубрики " + slug, "News of rubric " + slug));
    }

    public Source foreignSource() {
        String slug = unique("test-source");
        return sources.add(new Source(0, slug, new Bilingual("The Test Review", "The Test Review"), "US",
                "https://review.example.com/", new Bilingual(null, null),
                new Bilingual("Перевод опубликован с разрешения правообладателя",
                        "Translation published with the permission of the copyright holder")));
    }

    public Image image() {
        BufferedImage picture = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images.add(png.toByteArray(), new Bilingual("Испытания на полигоне", "Trials at the range"),
                "© Test Agency 2026, Jane Doe");
    }

    /** A draft in {@code language} with just the required parts. */
    public ArticleDraft draft(Language language, Rubric rubric, String title, Instant publishedAt) {
        return new ArticleDraft(language, rubric.id(), null, title, null, null, "<p>" + title + ".</p>", null, null,
                null, null, null, publishedAt);
    }

    /** Submits and publishes an article. */
    public long published(ArticleDraft draft) {
        long id = desk.submit(draft);
        desk.publish(id);
        return id;
    }
}
