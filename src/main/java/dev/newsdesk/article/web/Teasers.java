package dev.newsdesk.article.web;

import java.util.List;

import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.article.Images;
import dev.newsdesk.site.SiteTime;
import org.springframework.stereotype.Component;

/** Turns article summaries into what lists show. */
@Component
class Teasers {

    private final SiteTime time;
    private final Images images;

    Teasers(SiteTime time, Images images) {
        this.time = time;
        this.images = images;
    }

    Teaser of(ArticleSummary summary) {
        Teaser.Picture picture = summary.imageId() == null ? null : images.find(summary.imageId())
                .map(image -> new Teaser.Picture(image.fileHref(), image.width(), image.height(), summary.title()))
                .orElse(null);
        return new Teaser(summary.path(), summary.title(), summary.subtitle(), summary.lead(),
                time.inList(summary.publishedAt()), time.iso(summary.publishedAt()), picture);
    }

    List<Teaser> of(List<ArticleSummary> summaries) {
        return summaries.stream().map(this::of).toList();
    }
}
