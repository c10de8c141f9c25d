package dev.newsdesk.article;

import java.time.Clock;

import dev.newsdesk.article.internal.Articles;
import org.springframework.stereotype.Service;

/**
 * Lets any module on any node follow what changes among articles, through {@link ChangeCursor}s.
 */
@Service
public class ArticleChanges {

    /** Changes read per query. */
    static final int PAGE = 1000;

    private final Articles articles;
    private final Clock clock;
    private final ArticleSettings settings;

    ArticleChanges(Articles articles, Clock clock, ArticleSettings settings) {
        this.articles = articles;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A cursor that delivers the changes not yet delivered at {@code position}: {@link ChangeCursor.Position#at}
     * a seq for a follower that starts afresh, or the position a follower persisted to resume where it stood.
     */
    public ChangeCursor<ArticleChange> follow(ChangeCursor.Position position) {
        return new ChangeCursor<>(articles, PAGE, position, clock, settings.changeGapTimeout());
    }

    /** The seq of the latest committed change (0 when there are no articles). */
    public long latest() {
        return articles.lastChange();
    }
}
