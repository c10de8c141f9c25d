package dev.newsdesk.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.io.impl.DateParser;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.XMLOutputter;

/**
 * What Rome leaves out of a feed's items, read from their elements: the {@code xml:base} in force where a link
 * or a content stands, bodies given as {@code <body>}, {@code <xhtml:body>} or {@code <fullitem>}, and dates
 * given only as Dublin Core terms ({@code dcterms:issued}, {@code created}, {@code modified}).
 */
final class ItemElements {

    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private ItemElements() {
    }

    /** The elements of a feed's items, in the order Rome reads them. */
    static List<Element> of(Element root) {
        if (root.getName().equals("feed")) {
            return root.getChildren("entry", root.getNamespace());
        }
        Element parent = root.getName().equals("RDF") ? root
                : root.getChildren().stream().filter(child -> child.getName().equals("channel")).findFirst().orElse(root);
        return parent.getChildren().stream().filter(child -> child.getName().equals("item")).toList();
    }

    /**
     * The address that relative links in {@code element} resolve against: the document's, changed by each
     * {@code xml:base} from the root down to the element; null when there is none.
     */
    static URI base(Element element, URI document) {
        Deque<String> bases = new ArrayDeque<>();
        for (Element at = element; at != null; at = at.getParentElement()) {
            String base = at.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (base != null && !base.isBlank()) {
                bases.push(base.strip());
            }
        }
        URI base = document;
        for (String next : bases) {
            URI resolved = resolve(base, next);
            base = resolved != null ? resolved : base;
        }
        return base;
    }

    /** {@code reference} resolved against {@code base}; null when it cannot be (or is still relative). */
    static URI resolve(URI base, String reference) {
        try {
            URI uri = new URI(reference.strip().replace(" ", "%20"));
            if (base == null || uri.isAbsolute()) {
                return uri.isAbsolute() ? uri : null;
            }
            if (base.isOpaque()) {
                return null;
            }
            // URI.resolve glues "x" to "http://host" as "http://hostx": a base without a path means the root.
            URI root = base.getRawPath() == null || base.getRawPath().isEmpty()
                    ? new URI(base.getScheme(), base.getRawAuthority(), "/", null, null) : base;
            return root.resolve(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The child that best says where the item's content stands, for its base: its content element, or itself. */
    static Element content(Element item) {
        for (Element child : item.getChildren()) {
            if (child.getName().equals("content") || child.getName().equals("encoded") || isBody(child)) {
                return child;
            }
        }
        return item;
    }

    /** The element {@code link} was read from, for its base: an Atom link with that address, or an RSS link. */
    static Element link(Element item, String link) {
        for (Element child : item.getChildren("link", item.getNamespace())) {
            if (link.equals(child.getAttributeValue("href")) || link.equals(child.getTextTrim())) {
                return child;
            }
        }
        return item;
    }

    /** The HTML of the item's {@code <body>}, {@code <xhtml:body>} or {@code <fullitem>}; null when it has none. */
    static String body(Element item) {
        for (Element child : item.getChildren()) {
            if (isBody(child)) {
                String html = child.getChildren().isEmpty() ? child.getText() : markup(child);
                if (!html.isBlank()) {
                    return html;
                }
            }
        }
        return null;
    }

    private static boolean isBody(Element element) {
        return element.getName().equals("fullitem") || element.getName().equals("body")
                && (element.getNamespaceURI().isEmpty() || element.getNamespaceURI().equals(XHTML));
    }

    /** Inline XHTML as HTML: the element's content without namespaces, so that {@code xhtml:p} is a {@code p}. */
    private static String markup(Element element) {
        List<Content> contents = new ArrayList<>();
        for (Content content : element.getContent()) {
            Content copy = content.clone();
            if (copy instanceof Element copied) {
                List<Element> all = new ArrayList<>(List.of(copied));
                copied.getDescendants(Filters.element()).forEach(all::add);
                for (Element each : all) {
                    // Declarations first: a default namespace declared on the element would clash with none.
                    new ArrayList<>(each.getAdditionalNamespaces()).forEach(each::removeNamespaceDeclaration);
                    each.setNamespace(Namespace.NO_NAMESPACE);
                }
            }
            contents.add(copy);
        }
        return new XMLOutputter().outputString(contents);
    }

    /** The first of the named Dublin Core terms the item gives as a date that can be read; null when none. */
    static Instant date(Element item, String... terms) {
        for (String term : terms) {
            Element element = item.getChild(term, Namespace.getNamespace(DCTERMS));
            Date date = element == null ? null : DateParser.parseDate(element.getTextTrim(), Locale.US);
            if (date != null) {
                return date.toInstant();
            }
        }
        return null;
    }
}
