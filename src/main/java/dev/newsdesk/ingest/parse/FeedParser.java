package dev.newsdesk.ingest.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a fetched body as a feed, whatever it claims to be: RSS 0.9x, 1.0 (RDF) and 2.0 and Atom 0.3 and 1.0
 * (through Rome), or JSON Feed 1.0 and 1.1. XML is decoded in the character set it declares, or else the one
 * it looks like ({@link FeedCharset}); read strictly, or leniently when it is slightly broken, never reading
 * a DTD or an entity ({@link FeedXml}); and completed where Rome reads too little (base64 texts, xml:base,
 * other bodies, Dublin Core dates). Anything that is not a feed is refused with a sentence an editor
 * understands.
 */
public class FeedParser {

    private static final Logger log = LoggerFactory.getLogger(FeedParser.class);

    /** Items beyond this many in one feed are left out (and counted). */
    public static final int MAX_ITEMS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param base the address the feed was read from, which relative links and {@code xml:base} resolve against;
     *        null when unknown
     */
    public ParsedFeed parse(byte[] body, String contentType, URI base) throws FeedMalformed {
        if (body == null || body.length == 0) {
            throw new FeedMalformed("The feed is empty");
        }
        String start = start(body);
        if (start.isEmpty()) {
            throw new FeedMalformed("The feed is empty");
        }
        if (start.startsWith("{")) {
            return json(body);
        }
        String lower = start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || (lower.contains("<html") && !lower.contains("<rss")
                && !lower.contains("<feed") && !lower.contains("<rdf"))) {
            throw new FeedMalformed("This is a web page (HTML), not a feed");
        }
        if (!start.startsWith("<")) {
            throw new FeedMalformed("This is neither XML nor JSON, so not a feed");
        }
        return xml(body, contentType, base);
    }

    private ParsedFeed xml(byte[] body, String contentType, URI base) throws FeedMalformed {
        FeedCharset.Decoded text = FeedCharset.decode(body, contentType);
        FeedXml.Read read = FeedXml.read(text.text());
        Document document = read.document();
        if (document == null) {
            throw new FeedMalformed(read.lenientBecause());
        }
        Element root = document.getRootElement();
        if (root.getName().equalsIgnoreCase("html")) {
            throw new FeedMalformed("This is a web page (HTML), not a feed");
        }
        if (root.getName().equals("rss") && root.getAttributeValue("version") == null) {
            // Readers take an RSS feed that gives no version for 2.0; Rome would not know it.
            root.setAttribute("version", "2.0");
        }
        String kind = kind(root);
        if (kind == null) {
            throw new FeedMalformed(read.lenientBecause() != null ? read.lenientBecause()
                    : "This XML is not an RSS or Atom feed (its root element is <" + shortened(root.getQualifiedName()) + ">)");
        }
        if (!root.getName().equals("feed") && root.getChildren().stream().noneMatch(child -> child.getName().equals("channel"))) {
            throw new FeedMalformed("This is an " + kind + " feed without a channel");
        }
        EncodedFields.decode(document);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(document);
        } catch (FeedException | RuntimeException e) {
            log.debug("Rome could not read a feed", e);
            throw new FeedMalformed("This " + kind + " feed could not be read: its structure is not what " + kind
                    + " expects", e);
        }
        boolean atom = feed.getFeedType().startsWith("atom");
        List<Element> elements = ItemElements.of(root);
        boolean aligned = elements.size() == feed.getEntries().size();
        List<ParsedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (items.size() == MAX_ITEMS) {
                break;
            }
            Element element = aligned ? elements.get(items.size()) : null;
            try {
                items.add(item(entry, atom, element, base));
            } catch (RuntimeException e) {
                // What the element adds is a bonus; an item that cannot have it is still the item Rome read.
                log.debug("Item {} read without its element", items.size(), e);
                items.add(item(entry, atom, null, base));
            }
        }
        return new ParsedFeed(feed.getFeedType(), feed.getTitle(), feed.getLanguage(), items, read.lenientBecause(),
                text.detected(), feed.getEntries().size() - items.size());
    }

    /** The kind of feed the root element announces ("RSS 2.0", "Atom"), or null for any other XML. */
    private static String kind(Element root) {
        return switch (root.getName()) {
            // The version goes into sentences for editors: only when it is a version, not whatever the feed wrote.
            case "rss" -> root.getAttributeValue("version").matches("\\d{1,2}(\\.\\d{1,2}){0,2}")
                    ? "RSS " + root.getAttributeValue("version") : "RSS";
            case "RDF" -> "RSS 1.0";
            case "feed" -> "Atom";
            default -> null;
        };
    }

    /**
     * An entry as Rome read it, completed from its element (when Rome's entries and the document's item
     * elements line up, as they do but for feeds Rome reads oddly). Atom says which of its texts are HTML; RSS
     * does not, and by custom its title is text and its description HTML (Rome calls the description
     * text/plain, which no feed means).
     */
    private static ParsedItem item(SyndEntry entry, boolean atom, Element element, URI documentBase) {
        String html = null;
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                html = atom ? html(content) : content.getValue();
                break;
            }
        }
        if (html == null && element != null) {
            html = ItemElements.body(element);
        }
        String summary = entry.getDescription() == null ? null
                : atom ? html(entry.getDescription()) : entry.getDescription().getValue();
        boolean titleHtml = atom && entry.getTitleEx() != null && markup(entry.getTitleEx().getType());
        Instant published = published(entry, element);
        List<String> categories = entry.getCategories().stream().map(SyndCategory::getName)
                .filter(name -> name != null && !name.isBlank()).map(String::strip).toList();
        String[] image = image(entry);
        String link = blankToNull(entry.getLink());
        URI contentBase = documentBase;
        if (element != null) {
            contentBase = ItemElements.base(ItemElements.content(element), documentBase);
            URI resolved = link == null ? null
                    : ItemElements.resolve(ItemElements.base(ItemElements.link(element, link), documentBase), link);
            link = resolved != null ? resolved.toString() : link;
        }
        return new ParsedItem(blankToNull(entry.getUri()), link, entry.getTitle(), titleHtml, html, summary, published,
                blankToNull(entry.getAuthor()), categories, image[0], image[1], contentBase);
    }

    /** When the item was published: its publication date, else one of Dublin Core's, else when it was updated. */
    private static Instant published(SyndEntry entry, Element element) {
        Instant issued = element == null ? null : ItemElements.date(element, "issued", "created");
        Instant modified = element == null ? null : ItemElements.date(element, "modified");
        return entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : issued != null ? issued
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant()
                : modified;
    }

    /** An Atom text construct as HTML: HTML and XHTML as they are, text (the default) escaped. */
    private static String html(SyndContent content) {
        return content.getValue() == null || markup(content.getType()) ? content.getValue() : paragraphs(content.getValue());
    }

    /** Whether an Atom type (1.0's html and xhtml, 0.3's media types) says the text is markup. */
    private static boolean markup(String type) {
        return type != null && (type.equals("html") || type.equals("xhtml") || type.equals("text/html") || type.contains("xml"));
    }

    /** Plain text as HTML paragraphs, one for each run of text between blank lines. */
    public static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(escape(paragraph.strip())).append("</p>");
        }
        return html.toString();
    }

    /** The lead image and its credit: Media RSS first, then an image enclosure. */
    private static String[] image(SyndEntry entry) {
        if (entry.getModule(MediaModule.URI) instanceof MediaEntryModule media) {
            List<MediaContent> contents = new ArrayList<>(List.of(media.getMediaContents()));
            for (MediaGroup group : media.getMediaGroups()) {
                contents.addAll(List.of(group.getContents()));
            }
            for (MediaContent content : contents) {
                boolean image = "image".equals(content.getMedium())
                        || (content.getType() != null && content.getType().startsWith("image/"))
                        || (content.getMedium() == null && content.getType() == null);
                if (image && content.getReference() instanceof UrlReference url) {
                    String credit = credit(content.getMetadata() == null ? null : content.getMetadata().getCredits());
                    if (credit == null && media.getMetadata() != null) {
                        credit = credit(media.getMetadata().getCredits());
                    }
                    return new String[] {url.getUrl().toString(), credit};
                }
            }
            if (media.getMetadata() != null && media.getMetadata().getThumbnail() != null) {
                for (Thumbnail thumbnail : media.getMetadata().getThumbnail()) {
                    if (thumbnail.getUrl() != null) {
                        return new String[] {thumbnail.getUrl().toString(), credit(media.getMetadata().getCredits())};
                    }
                }
            }
        }
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure.getType() != null && enclosure.getType().startsWith("image/") && enclosure.getUrl() != null) {
                return new String[] {enclosure.getUrl(), null};
            }
        }
        return new String[] {null, null};
    }

    private static String credit(Credit[] credits) {
        if (credits == null) {
            return null;
        }
        for (Credit credit : credits) {
            if (credit.getName() != null && !credit.getName().isBlank()) {
                return credit.getName().strip();
            }
        }
        return null;
    }

    private ParsedFeed json(byte[] body) throws FeedMalformed {
        JsonNode feed;
        try {
            feed = JSON.readTree(new String(withoutBom(body), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new FeedMalformed(e.getLocation() == null ? "The feed is not well-formed JSON"
                    : "The feed is not well-formed JSON: line %d, column %d".formatted(e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr()), e);
        }
        String version = feed.path("version").asString("");
        if (!version.startsWith("https://jsonfeed.org/version/") || !feed.path("items").isArray()) {
            throw new FeedMalformed("This JSON is not a JSON Feed (no jsonfeed.org version, or no items)");
        }
        List<ParsedItem> items = new ArrayList<>();
        for (JsonNode item : feed.path("items")) {
            if (items.size() == MAX_ITEMS) {
                break;
            }
            String html = text(item, "content_html");
            if (html == null && text(item, "content_text") != null) {
                html = paragraphs(text(item, "content_text"));
            }
            String author = text(item.path("authors").path(0), "name");
            if (author == null) {
                author = text(item.path("author"), "name");
            }
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(tag -> tags.add(tag.asString()));
            String image = text(item, "image") != null ? text(item, "image") : text(item, "banner_image");
            items.add(new ParsedItem(text(item, "id"), text(item, "url"), text(item, "title"), false, html, text(item, "summary"),
                    date(text(item, "date_published") != null ? text(item, "date_published") : text(item, "date_modified")),
                    author, tags, image, null, null));
        }
        return new ParsedFeed("json-" + version.substring(version.lastIndexOf('/') + 1), text(feed, "title"),
                text(feed, "language"), items, null, null, feed.path("items").size() - items.size());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text;
    }

    private static Instant date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first few hundred characters of the body, decoded loosely, without a BOM or leading white space. */
    private static String start(byte[] body) {
        byte[] bytes = withoutBom(body);
        String text;
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            text = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_16);
        } else {
            text = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        }
        return text.replace("\uFEFF", "").stripLeading();
    }

    private static byte[] withoutBom(byte[] body) {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return java.util.Arrays.copyOfRange(body, 3, body.length);
        }
        return body;
    }

    /** A name from the feed, short enough for a sentence. */
    private static String shortened(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
