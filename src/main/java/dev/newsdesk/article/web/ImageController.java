package dev.newsdesk.article.web;

import java.time.Duration;
import java.util.List;

import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.article.Image;
import dev.newsdesk.article.Images;
import dev.newsdesk.article.internal.Archive;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.PageNotFound;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.site.SharedPage;
import dev.newsdesk.site.SiteSettings;
import dev.newsdesk.site.SiteTime;
import dev.newsdesk.site.Templates;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/** An image's own page (with its description and embed code), and the image file. */
@Controller
class ImageController {

    private final Images images;
    private final Archive archive;
    private final Pages pages;
    private final SiteTime time;
    private final SiteSettings site;
    private final Templates templates;

    ImageController(Images images, Archive archive, Pages pages, SiteTime time, SiteSettings site, Templates templates) {
        this.images = images;
        this.archive = archive;
        this.pages = pages;
        this.time = time;
        this.site = site;
        this.templates = templates;
    }

    @GetMapping({"/images/{id:\\d{1,18}}", "/en/images/{id:\\d{1,18}}"})
    ResponseEntity<byte[]> page(@PathVariable long id, Language language) {
        Image image = images.find(id).orElseThrow(() -> new PageNotFound("image " + id));
        String caption = ArticleController.firstOf(image.caption().in(language), image.caption().in(language.other()));
        List<ArticleSummary> illustrated = archive.illustratedBy(id);
        ArticleSummary article = illustrated.stream().filter(summary -> summary.language() == language).findFirst()
                .orElse(illustrated.isEmpty() ? null : illustrated.getFirst());
        String title = ArticleController.firstOf(caption, pages.texts(language).get("image.title", id));
        Page page = pages.page(language, image.pagePath(language))
                .title(title)
                .description(pages.texts(language).get("image.description", title, image.credit()))
                .alternate(language.other(), image.pagePath(language.other()))
                .image(site.absolute(image.fileHref()))
                .build();
        ImagePage model = new ImagePage(page, title, image.fileHref(), image.width(), image.height(),
                ArticleController.firstOf(caption, title), caption, image.credit(),
                page.texts().get("image.pixels", image.width(), image.height()), fileSize(image.byteSize(), page),
                time.date(image.uploadedAt(), language),
                article == null ? null : new Link(article.title(), article.path()),
                embedCode(image, title, page));
        return SharedPage.tagged(templates.page("article/image", model),
                List.of(PagesChanged.imageTag(id), PagesChanged.LISTS, PagesChanged.RUBRICS));
    }

    @GetMapping("/images/{id:\\d{1,18}}.{extension:jpg|png|gif}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String extension) {
        Image image = images.find(id).filter(found -> found.extension().equals(extension))
                .orElseThrow(() -> new PageNotFound("image file " + id));
        byte[] data = images.file(id).orElseThrow(() -> new PageNotFound("image file " + id));
        // An image is never changed in place (a new picture gets a new id), so browsers may keep it.
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(data);
    }

    private static String fileSize(int bytes, Page page) {
        if (bytes < 1024 * 1024) {
            return page.texts().get("image.kilobytes", Math.max(1, Math.round(bytes / 1024.0)));
        }
        return page.texts().get("image.megabytes", String.format(page.language().locale(), "%.1f", bytes / 1048576.0));
    }

    private String embedCode(Image image, String title, Page page) {
        String src = site.absolute(image.fileHref());
        String href = site.absolute(image.pagePath(page.language()));
        String credit = image.credit() == null ? "" : " " + escape(image.credit());
        return "<figure><img src=\"" + escape(src) + "\" width=\"" + image.width() + "\" height=\"" + image.height()
                + "\" alt=\"" + escape(title) + "\"><figcaption>" + escape(title) + "." + credit
                + " <a href=\"" + escape(href) + "\">" + escape(page.brand()) + "</a></figcaption></figure>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
