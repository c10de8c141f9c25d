package dev.newsdesk.ingest.web;

import java.util.List;
import java.util.Map;

import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.FormField;
import dev.newsdesk.site.Page;

/** The models of the editors' source desk. */
public final class DeskPages {

    private DeskPages() {
    }

    /** Every source with its feeds and how fetching them goes. */
    public record Sources(Page page, Csrf csrf, String notice, List<SourceRow> sources, String newSourceHref) {
    }

    public record SourceRow(String name, String country, String homeUrl, String editHref, String addFeedHref,
                            List<FeedRow> feeds) {
    }

    /**
     * A feed in the list; {@code state} is "ok", "failing" or "disabled", {@code lastError} null when the last
     * fetch went well; {@code lastRead} what the last read had to say (read leniently, character set guessed,
     * items left out), empty when nothing.
     */
    public record FeedRow(String url, String rubric, String mode, String state, String stateLabel, String lastFetch,
                          String lastSuccess, String lastError, int itemsAdded, String nextFetch, String href,
                          String fetchAction, List<String> lastRead) {
    }

    /** A form page: a source or a feed to add or change; for an existing feed also its status and latest items. */
    public record Edit(Page page, Csrf csrf, String heading, String action, List<FormField> fields,
                       Map<String, String> errors, String submit, String backHref, FeedRow status, List<ItemRow> items,
                       String notice) {

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** An article a feed produced: its title, state, and where readers see it (null for a draft). */
    public record ItemRow(String title, String state, String href, String time) {
    }
}
