package dev.newsdesk.ingest.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleRejected;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Rubrics;
import dev.newsdesk.article.Source;
import dev.newsdesk.article.Sources;
import dev.newsdesk.ingest.Feed;
import dev.newsdesk.ingest.FeedDesk;
import dev.newsdesk.ingest.FeedForm;
import dev.newsdesk.ingest.FeedRefresher;
import dev.newsdesk.ingest.FeedRejected;
import dev.newsdesk.ingest.parse.FeedParser;
import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.FormField;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.PageNotFound;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.SiteTime;
import dev.newsdesk.site.Templates;
import dev.newsdesk.site.Texts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The editors' desk for sources and feeds, under {@code /admin/sources}: every source and its feeds with
 * their fetch status, forms to add and change them, a feed's latest items, and "fetch now".
 */
@Controller
class SourceDeskController {

    static final int LATEST_ITEMS = 20;

    private final Sources sources;
    private final Rubrics rubrics;
    private final FeedDesk feeds;
    private final FeedRefresher refresher;
    private final ArticleDesk articles;
    private final Pages pages;
    private final SiteTime time;
    private final Templates templates;

    SourceDeskController(Sources sources, Rubrics rubrics, FeedDesk feeds, FeedRefresher refresher, ArticleDesk articles,
                         Pages pages, SiteTime time, Templates templates) {
        this.sources = sources;
        this.rubrics = rubrics;
        this.feeds = feeds;
        this.refresher = refresher;
        this.articles = articles;
        this.pages = pages;
        this.time = time;
        this.templates = templates;
    }

    @GetMapping({"/admin/sources", "/en/admin/sources"})
    ResponseEntity<byte[]> list(Language language, @RequestParam(required = false) String done, HttpServletRequest request) {
        Page page = page(language, "/admin/sources", "desk.title");
        Texts t = page.texts();
        List<DeskPages.SourceRow> rows = sources.all().stream().map(source -> new DeskPages.SourceRow(
                source.name().in(language), source.country(), source.homeUrl(),
                language.path("/admin/sources/" + source.id() + "/edit"),
                language.path("/admin/sources/" + source.id() + "/feeds/new"),
                feeds.ofSource(source.id()).stream().map(feed -> row(feed, language, t)).toList())).toList();
        return respond(HttpStatus.OK, "ingest/sources", new DeskPages.Sources(page, Csrf.of(request),
                done == null ? null : t.getOrDefault("desk.done." + done, null), rows, language.path("/admin/sources/new")));
    }

    @GetMapping({"/admin/sources/new", "/en/admin/sources/new"})
    ResponseEntity<byte[]> newSource(Language language, HttpServletRequest request) {
        return sourceForm(language, null, Map.of(), Map.of(), request, HttpStatus.OK);
    }

    @GetMapping({"/admin/sources/{id}/edit", "/en/admin/sources/{id}/edit"})
    ResponseEntity<byte[]> editSource(Language language, @PathVariable long id, HttpServletRequest request) {
        Source source = sources.byId(id).orElseThrow(() -> new PageNotFound("source " + id));
        return sourceForm(language, source, values(source), Map.of(), request, HttpStatus.OK);
    }

    @PostMapping({"/admin/sources", "/en/admin/sources", "/admin/sources/{id}", "/en/admin/sources/{id}"})
    ResponseEntity<byte[]> saveSource(Language language, @PathVariable(required = false) Long id,
                                      @RequestParam Map<String, String> form, HttpServletRequest request) {
        Optional<Source> existing = id == null ? Optional.empty() : sources.byId(id);
        if (id != null && existing.isEmpty()) {
            throw new PageNotFound("source " + id);
        }
        Source source = new Source(id == null ? 0 : id, blank(form.get("slug")),
                new Bilingual(blank(form.get("nameRu")), blank(form.get("nameEn"))), blank(form.get("country")),
                blank(form.get("homeUrl")), new Bilingual(blank(form.get("rightsRu")), blank(form.get("rightsEn"))),
                new Bilingual(blank(form.get("licenceRu")), blank(form.get("licenceEn"))));
        try {
            if (id == null) {
                sources.add(source);
            } else {
                sources.update(source);
            }
            return redirect(language.path("/admin/sources?done=source"));
        } catch (ArticleRejected rejected) {
            return sourceForm(language, existing.orElse(null), form, rejected.messages(pages.texts(language)), request,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping({"/admin/sources/{id}/feeds/new", "/en/admin/sources/{id}/feeds/new"})
    ResponseEntity<byte[]> newFeed(Language language, @PathVariable long id, HttpServletRequest request) {
        Source source = sources.byId(id).orElseThrow(() -> new PageNotFound("source " + id));
        Map<String, String> defaults = Map.of("pollMinutes", "30", "enabled", "true", "autoPublish", "true");
        return feedForm(language, source, null, defaults, Map.of(), null, request, HttpStatus.OK);
    }

    @PostMapping({"/admin/sources/{id}/feeds", "/en/admin/sources/{id}/feeds"})
    ResponseEntity<byte[]> addFeed(Language language, @PathVariable long id, @RequestParam Map<String, String> form,
                                   HttpServletRequest request) {
        Source source = sources.byId(id).orElseThrow(() -> new PageNotFound("source " + id));
        try {
            long feedId = feeds.subscribe(id, feedForm(form));
            return redirect(language.path("/admin/sources/feeds/" + feedId + "?done=feed"));
        } catch (FeedRejected rejected) {
            return feedForm(language, source, null, form, rejected.messages(pages.texts(language)),
                    null, request, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping({"/admin/sources/feeds/{feedId}", "/en/admin/sources/feeds/{feedId}"})
    ResponseEntity<byte[]> feed(Language language, @PathVariable long feedId, @RequestParam(required = false) String done,
                                HttpServletRequest request) {
        Feed feed = feeds.find(feedId).orElseThrow(() -> new PageNotFound("feed " + feedId));
        Source source = sources.byId(feed.sourceId()).orElseThrow();
        Texts t = pages.texts(language);
        return feedForm(language, source, feed, values(feed), Map.of(),
                done == null ? null : t.getOrDefault("desk.done." + done, done), request, HttpStatus.OK);
    }

    @PostMapping({"/admin/sources/feeds/{feedId}", "/en/admin/sources/feeds/{feedId}"})
    ResponseEntity<byte[]> updateFeed(Language language, @PathVariable long feedId, @RequestParam Map<String, String> form,
                                      HttpServletRequest request) {
        Feed feed = feeds.find(feedId).orElseThrow(() -> new PageNotFound("feed " + feedId));
        try {
            feeds.update(feedId, feedForm(form));
            return redirect(language.path("/admin/sources/feeds/" + feedId + "?done=feed"));
        } catch (FeedRejected rejected) {
            return feedForm(language, sources.byId(feed.sourceId()).orElseThrow(), feed, form,
                    rejected.messages(pages.texts(language)), null, request,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    /** "Fetch now": the same refresh the scheduler does, at once. */
    @PostMapping({"/admin/sources/feeds/{feedId}/fetch", "/en/admin/sources/feeds/{feedId}/fetch"})
    ResponseEntity<byte[]> fetchNow(Language language, @PathVariable long feedId) {
        feeds.find(feedId).orElseThrow(() -> new PageNotFound("feed " + feedId));
        FeedRefresher.Refresh refresh = refresher.refresh(feedId);
        Texts t = pages.texts(language);
        String outcome = !refresh.ran() ? t.get("desk.fetch.busy")
                : refresh.error() != null ? t.get("desk.fetch.failed", refresh.error())
                : refresh.notModified() ? t.get("desk.fetch.notModified")
                : t.get("desk.fetch.done", refresh.added(), refresh.revised(), refresh.unchanged(), refresh.refused());
        return redirect(language.path("/admin/sources/feeds/" + feedId) + "?done=" + java.net.URLEncoder.encode(outcome,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private ResponseEntity<byte[]> sourceForm(Language language, Source source, Map<String, String> values,
                                              Map<String, String> errors, HttpServletRequest request, HttpStatus status) {
        Page page = page(language, "/admin/sources", source == null ? "desk.source.new" : "desk.source.edit");
        Texts t = page.texts();
        List<FormField> fields = List.of(
                FormField.input("slug", t.get("desk.source.slug"), "text", values.get("slug"), "off", t.get("desk.source.slugHelp")),
                FormField.input("nameRu", t.get("desk.source.nameRu"), "text", values.get("nameRu"), "off", null),
                FormField.input("nameEn", t.get("desk.source.nameEn"), "text", values.get("nameEn"), "off", null),
                FormField.input("country", t.get("desk.source.country"), "text", values.get("country"), "off", t.get("desk.source.countryHelp")),
                FormField.input("homeUrl", t.get("desk.source.homeUrl"), "url", values.get("homeUrl"), "url", null),
                FormField.textarea("rightsRu", t.get("desk.source.rightsRu"), values.get("rightsRu"), t.get("desk.source.rightsHelp")),
                FormField.textarea("rightsEn", t.get("desk.source.rightsEn"), values.get("rightsEn"), null),
                FormField.textarea("licenceRu", t.get("desk.source.licenceRu"), values.get("licenceRu"), null),
                FormField.textarea("licenceEn", t.get("desk.source.licenceEn"), values.get("licenceEn"), null));
        String action = language.path(source == null ? "/admin/sources" : "/admin/sources/" + source.id());
        return respond(status, "ingest/edit", new DeskPages.Edit(page, Csrf.of(request), page.t(source == null
                ? "desk.source.new" : "desk.source.edit"), action, fields, errors, t.get("desk.save"),
                language.path("/admin/sources"), null, List.of(), null));
    }

    private ResponseEntity<byte[]> feedForm(Language language, Source source, Feed feed, Map<String, String> values,
                                            Map<String, String> errors, String notice, HttpServletRequest request,
                                            HttpStatus status) {
        Page page = page(language, "/admin/sources", feed == null ? "desk.feed.new" : "desk.feed.edit");
        Texts t = page.texts();
        List<FormField.Option> rubricOptions = rubrics.all().stream()
                .map(rubric -> new FormField.Option(Long.toString(rubric.id()), rubric.name().in(language))).toList();
        List<FormField> fields = List.of(
                FormField.input("url", t.get("desk.feed.url"), "url", values.get("url"), "url", null),
                FormField.select("rubricId", t.get("desk.feed.rubric"), values.get("rubricId"), rubricOptions, null),
                FormField.textarea("rubricRules", t.get("desk.feed.rules"), values.get("rubricRules"), t.get("desk.feed.rulesHelp")),
                FormField.select("language", t.get("desk.feed.language"), values.getOrDefault("language", ""), List.of(
                        new FormField.Option("", t.get("desk.feed.language.detect")), new FormField.Option("ru", "Русский"),
                        new FormField.Option("en", "English")), null),
                FormField.checkbox("autoPublish", t.get("desk.feed.autoPublish"), "true".equals(values.get("autoPublish")),
                        t.get("desk.feed.autoPublishHelp")),
                FormField.checkbox("fullText", t.get("desk.feed.fullText"), "true".equals(values.get("fullText")),
                        t.get("desk.feed.fullTextHelp")),
                FormField.input("pollMinutes", t.get("desk.feed.poll"), "number", values.get("pollMinutes"), "off",
                        t.get("desk.feed.pollHelp", FeedDesk.MIN_POLL_MINUTES, FeedDesk.MAX_POLL_MINUTES)),
                FormField.checkbox("enabled", t.get("desk.feed.enabled"), "true".equals(values.get("enabled")), null));
        String action = language.path(feed == null ? "/admin/sources/" + source.id() + "/feeds" : "/admin/sources/feeds/" + feed.id());
        List<DeskPages.ItemRow> items = feed == null ? List.of() : feeds.latestArticles(feed.id(), LATEST_ITEMS).stream()
                .map(articles::find).flatMap(Optional::stream)
                .map(article -> new DeskPages.ItemRow(article.title(), t.get("desk.item." + article.status().name()),
                        article.isPublic() ? article.path() : null,
                        article.publishedAt() == null ? "" : time.inList(article.publishedAt())))
                .toList();
        String heading = t.get(feed == null ? "desk.feed.new" : "desk.feed.edit") + " — " + source.name().in(language);
        return respond(status, "ingest/edit", new DeskPages.Edit(page, Csrf.of(request), heading, action, fields, errors,
                t.get("desk.save"), language.path("/admin/sources"), feed == null ? null : row(feed, language, t), items, notice));
    }

    private DeskPages.FeedRow row(Feed feed, Language language, Texts t) {
        String state = !feed.enabled() ? "disabled" : feed.lastError() != null ? "failing" : "ok";
        String rubric = rubrics.byId(feed.rubricId()).map(Rubric::name).map(name -> name.in(language)).orElse("?");
        return new DeskPages.FeedRow(feed.url(), rubric, t.get(feed.autoPublish() ? "desk.feed.mode.publish" : "desk.feed.mode.draft")
                + (feed.fullText() ? ", " + t.get("desk.feed.mode.fullText") : ""), state, t.get("desk.state." + state),
                when(feed.lastFetchAt(), language, t), when(feed.lastSuccessAt(), language, t), feed.lastError(),
                feed.itemsAdded(), feed.enabled() ? when(feed.nextFetchAt(), language, t) : "—",
                language.path("/admin/sources/feeds/" + feed.id()), language.path("/admin/sources/feeds/" + feed.id() + "/fetch"),
                lastRead(feed, t));
    }

    /** What the feed's last read had to say, in the editor's language (the parser's reasons stay in English). */
    private static List<String> lastRead(Feed feed, Texts t) {
        List<String> notes = new ArrayList<>();
        if (feed.lenientBecause() != null) {
            notes.add(t.get("desk.feed.lenient", feed.lenientBecause()));
        }
        if (feed.detectedCharset() != null) {
            notes.add(t.get("desk.feed.charset", feed.detectedCharset()));
        }
        if (!feed.dropped().isEmpty()) {
            String reasons = feed.dropped().entrySet().stream()
                    .map(dropped -> t.get(dropped.getKey().messageKey(), dropped.getValue(), FeedParser.MAX_ITEMS))
                    .collect(Collectors.joining(", "));
            notes.add(t.get("desk.feed.dropped", feed.dropped().values().stream().mapToInt(Integer::intValue).sum(), reasons));
        }
        return notes;
    }

    private String when(Instant instant, Language language, Texts t) {
        return instant == null ? t.get("desk.never") : time.full(instant, language);
    }

    private static FeedForm feedForm(Map<String, String> form) {
        long rubricId;
        int poll;
        try {
            rubricId = Long.parseLong(form.getOrDefault("rubricId", ""));
        } catch (NumberFormatException e) {
            throw new FeedRejected("rubricId", "feeds.error.rubric");
        }
        try {
            poll = Integer.parseInt(form.getOrDefault("pollMinutes", "").strip());
        } catch (NumberFormatException e) {
            throw new FeedRejected("pollMinutes", "feeds.error.poll");
        }
        String language = form.getOrDefault("language", "").strip();
        if (!language.isEmpty() && !language.equals("ru") && !language.equals("en")) {
            throw new FeedRejected("language", "feeds.error.language");
        }
        return new FeedForm(form.getOrDefault("url", ""), rubricId, form.get("rubricRules"),
                language.isEmpty() ? null : Language.ofCode(language), "true".equals(form.get("autoPublish")),
                "true".equals(form.get("fullText")), poll, "true".equals(form.get("enabled")));
    }

    private static Map<String, String> values(Source source) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("slug", source.slug());
        values.put("nameRu", source.name().ru());
        values.put("nameEn", source.name().en());
        values.put("country", source.country());
        values.put("homeUrl", source.homeUrl());
        values.put("rightsRu", source.rights().ru());
        values.put("rightsEn", source.rights().en());
        values.put("licenceRu", source.licence().ru());
        values.put("licenceEn", source.licence().en());
        return values;
    }

    private static Map<String, String> values(Feed feed) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("url", feed.url());
        values.put("rubricId", Long.toString(feed.rubricId()));
        values.put("rubricRules", feed.rubricRules());
        values.put("language", feed.language() == null ? "" : feed.language().code());
        values.put("autoPublish", Boolean.toString(feed.autoPublish()));
        values.put("fullText", Boolean.toString(feed.fullText()));
        values.put("pollMinutes", Integer.toString(feed.pollMinutes()));
        values.put("enabled", Boolean.toString(feed.enabled()));
        return values;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Page page(Language language, String path, String titleKey) {
        return pages.page(language, language.path(path)).title(pages.texts(language).get(titleKey))
                .alternate(language.other(), language.other().path(path)).build();
    }

    private ResponseEntity<byte[]> respond(HttpStatus status, String template, Object model) {
        ResponseEntity<byte[]> page = templates.page(status, template, model);
        return ResponseEntity.status(status).headers(page.getHeaders()).cacheControl(CacheControl.noStore()).body(page.getBody());
    }

    private static ResponseEntity<byte[]> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", location).build();
    }
}
