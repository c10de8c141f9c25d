package dev.newsdesk.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import gg.jte.Content;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Builds the {@link Page} every page model carries: title, description, canonical and alternate
 * links, Open Graph data and the navigation contributed by the modules.
 */
@Component
public class Pages {

    private final SiteSettings settings;
    private final SiteTime time;
    private final List<NavigationSource> navigation;
    private final ObjectProvider<PageSection> sectionBeans;
    /** Taken from the context on first use: sections are built with Pages (for their texts), so not injected. */
    private volatile List<PageSection> sections;
    private final ResourceUrlProvider resources;
    private final Map<Language, Texts> texts = new EnumMap<>(Language.class);
    private volatile Page.Assets assets;

    public Pages(SiteSettings settings, SiteTime time, MessageSource messages, List<NavigationSource> navigation,
                 ObjectProvider<PageSection> sections, ResourceUrlProvider resources) {
        this.settings = settings;
        this.time = time;
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationSource::order)).toList();
        this.sectionBeans = sections;
        this.resources = resources;
        for (Language language : Language.values()) {
            texts.put(language, new Texts(messages, language.locale()));
        }
    }

    public Texts texts(Language language) {
        return texts.get(language);
    }

    /**
     * Starts a page in {@code language} whose own address is the site path {@code path}
     * (already carrying the language prefix, e.g. {@code /en/news/12-title}).
     */
    public Builder page(Language language, String path) {
        return new Builder(language, path);
    }

    /** What the modules show in {@code slot} of a page. */
    public List<Content> sections(PageSection.Slot slot, PageSection.SectionContext context) {
        List<PageSection> all = sections;
        if (all == null) {
            all = sectionBeans.stream().sorted(Comparator.comparingInt(PageSection::order)).toList();
            sections = all;
        }
        List<Content> rendered = new ArrayList<>(2);
        for (PageSection section : all) {
            if (section.slot() == slot) {
                Content content = section.render(context);
                if (content != null) {
                    rendered.add(content);
                }
            }
        }
        return rendered;
    }

    private Page.Assets assets() {
        Page.Assets current = assets;
        if (current == null) {
            current = new Page.Assets(resource("/css/site.css"), resource("/js/site.js"), resource("/favicon.svg"));
            assets = current;
        }
        return current;
    }

    private String resource(String path) {
        String url = resources.getForLookupPath(path);
        return url != null ? url : path;
    }

    /** Collects what is particular to one page; {@link #build()} fills in the rest. */
    public final class Builder {

        private final Language language;
        private final String path;
        private final List<Page.Alternate> alternates = new ArrayList<>();
        private String title;
        private String description;
        private String type = "website";
        private String imageUrl;
        private Instant published;
        private String section;

        private Builder(Language language, String path) {
            this.language = language;
            this.path = path;
            alternates.add(new Page.Alternate(language.code(), settings.absolute(path)));
        }

        /** The page's own title; the site's name is added after it. Without one the page is titled by the site. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The same page in the other language, at {@code path}. */
        public Builder alternate(Language other, String path) {
            alternates.add(new Page.Alternate(other.code(), settings.absolute(path)));
            return this;
        }

        /** Marks the page as an article for Open Graph, published at {@code published}. */
        public Builder article(Instant published) {
            this.type = "article";
            this.published = published;
            return this;
        }

        /** An absolute URL of the picture that represents the page when shared. */
        public Builder image(String absoluteUrl) {
            this.imageUrl = absoluteUrl;
            return this;
        }

        /** The navigation link (site path) of the section this page belongs to, to mark it as current. */
        public Builder section(String href) {
            this.section = href;
            return this;
        }

        public Page build() {
            Texts t = texts.get(language);
            String brand = t.get("site.name");
            String fullTitle = title == null ? brand + " — " + t.get("site.tagline") : title + " — " + brand;
            String home = language.path("/");
            List<Page.NavItem> items = new ArrayList<>();
            items.add(new Page.NavItem(t.get("nav.home"), home, path.equals(home)));
            for (NavigationSource source : navigation) {
                for (NavLink link : source.links(language)) {
                    items.add(new Page.NavItem(link.label(), link.href(), link.href().equals(section)));
                }
            }
            Language other = language.other();
            String switchHref = alternates.stream()
                    .filter(alternate -> alternate.hreflang().equals(other.code()))
                    .map(alternate -> alternate.href().substring(settings.absolute("").length()))
                    .findFirst()
                    .orElse(other.path("/"));
            Page.OpenGraph openGraph = new Page.OpenGraph(type, imageUrl,
                    published == null ? null : time.iso(published), language.locale().toString());
            return new Page(language, t, fullTitle, title == null ? brand : title, description == null ? t.get("site.description") : description,
                    settings.absolute(path), alternates.size() > 1 ? List.copyOf(alternates) : List.of(), openGraph,
                    brand, home, List.copyOf(items), new NavLink(t.get("language.switch"), switchHref),
                    sections(PageSection.Slot.HEADER_TOOLS, new PageSection.SectionContext(language, path, null)),
                    assets());
        }
    }
}
