package dev.newsdesk.ingest.internal;

import java.util.Locale;

import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Rubrics;
import dev.newsdesk.ingest.Feed;
import dev.newsdesk.ingest.clean.CleanItem;

/**
 * Picks an item's rubric by the feed's rules, lines of {@code category or word => rubric-slug}: the first
 * line whose left side is one of the item's categories, or a word of its title or lead, wins; without a
 * match the item goes to the feed's rubric. Case does not matter.
 */
final class RubricRules {

    private RubricRules() {
    }

    static long pick(Feed feed, CleanItem item, Rubrics rubrics) {
        if (feed.rubricRules() == null || feed.rubricRules().isBlank()) {
            return feed.rubricId();
        }
        String text = (item.title() + " " + (item.lead() == null ? "" : item.lead())).toLowerCase(Locale.ROOT);
        for (String line : feed.rubricRules().split("\\R")) {
            int arrow = line.indexOf("=>");
            if (arrow < 0) {
                continue;
            }
            String pattern = line.substring(0, arrow).strip().toLowerCase(Locale.ROOT);
            String slug = line.substring(arrow + 2).strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean category = item.categories().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(pattern));
            if (category || text.contains(pattern)) {
                return rubrics.bySlug(slug).map(Rubric::id).orElse(feed.rubricId());
            }
        }
        return feed.rubricId();
    }
}
