package dev.newsdesk.article.internal;

import java.time.Duration;

import dev.newsdesk.article.ArticleSettings;
import dev.newsdesk.chore.Chore;
import org.springframework.stereotype.Component;

/**
 * Drops what changed in the articles, and in the pages any module logged as changed, from this node's caches,
 * every {@link ArticleSettings#changePoll()}.
 */
@Component
class ChangeFollowing implements Chore {

    private final Archive archive;
    private final PageChangeLog pageChanges;
    private final ArticleSettings settings;

    ChangeFollowing(Archive archive, PageChangeLog pageChanges, ArticleSettings settings) {
        this.archive = archive;
        this.pageChanges = pageChanges;
        this.settings = settings;
    }

    @Override
    public Duration interval() {
        return settings.changePoll();
    }

    @Override
    public void run() {
        archive.followChanges();
        pageChanges.follow();
    }
}
