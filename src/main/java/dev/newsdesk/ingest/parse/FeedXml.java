package dev.newsdesk.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.Attribute;
import org.jdom2.DocType;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.IllegalAddException;
import org.jdom2.IllegalDataException;
import org.jdom2.IllegalNameException;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.Verifier;
import org.jdom2.input.JDOMParseException;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads a feed's text as an XML document: strictly first, with Rome's hardened parser (no DOCTYPE, no entity
 * of any kind), and when that fails, leniently with jsoup's XML parser, which repairs what it can (a bare
 * {@code &}, a missing end tag) and never reads a DTD or expands an entity it does not know. A DOCTYPE's
 * names are kept, so that Rome still recognises a Netscape RSS 0.91 feed by them.
 */
final class FeedXml {

    /**
     * Elements nested deeper are refused by the strict parser (as the JDK's own limit does since 24) and kept as
     * their text only by the lenient one, so that nothing downstream recurses without bound.
     */
    static final int MAX_DEPTH = 100;
    static final String TOO_DEEP = "The feed nests elements more than " + MAX_DEPTH + " deep";

    private FeedXml() {
    }

    /**
     * A document, and when it could only be read leniently, the strict parser's objection in a sentence.
     *
     * @param document null when not even the lenient parser found an element in the text
     */
    record Read(Document document, String lenientBecause) {
    }

    static Read read(String xml) {
        try {
            Document document = new StrictInput().builder().build(new XmlFixerReader(new StringReader(xml)));
            return depth(document.getRootElement()) > MAX_DEPTH ? new Read(lenient(xml), TOO_DEEP) : new Read(document, null);
        } catch (JDOMException | IOException | IllegalArgumentException e) {
            // JDOM refuses some names that XML allows (a namespace URI starting with a digit) with an
            // IllegalArgumentException of its own, in the middle of the parse.
            return new Read(lenient(xml), objection(e));
        }
    }

    /** How deep elements nest under {@code root} (1 for a root alone), counted without recursion. */
    private static int depth(Element root) {
        int deepest = 0;
        Deque<Element> elements = new ArrayDeque<>(List.of(root));
        Deque<Integer> depths = new ArrayDeque<>(List.of(1));
        while (!elements.isEmpty()) {
            Element element = elements.pop();
            int depth = depths.pop();
            deepest = Math.max(deepest, depth);
            for (Element child : element.getChildren()) {
                elements.push(child);
                depths.push(depth + 1);
            }
        }
        return deepest;
    }

    /** The parser's reasons quote the feed; on the desk they are one line, and a short one. */
    static final int MAX_REASON = 200;

    /** What the strict parser had against the text, for an editor. */
    private static String objection(Exception e) {
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        if (reason != null) {
            reason = FeedMalformed.oneLine(reason, MAX_REASON);
        }
        if (reason != null && reason.contains("DOCTYPE")) {
            return "The feed declares a DOCTYPE, which the strict parser refuses (DTDs and entities are never read)";
        }
        if (reason != null && reason.contains("maxElementDepth")) {
            return TOO_DEEP;
        }
        if (e instanceof JDOMParseException parse && parse.getLineNumber() > 0) {
            return "The feed is not well-formed XML: line %d, column %d: %s".formatted(parse.getLineNumber(),
                    parse.getColumnNumber(), reason);
        }
        return "The feed is not well-formed XML" + (reason == null ? "" : ": " + reason);
    }

    /** Rome's own parser settings: external entities, DTDs and DOCTYPEs refused. */
    private static final class StrictInput extends WireFeedInput {

        org.jdom2.input.SAXBuilder builder() {
            return createSAXBuilder();
        }
    }

    private static Document lenient(String xml) {
        org.jsoup.nodes.Document soup = Parser.xmlParser().parseInput(xml, "");
        org.jsoup.nodes.Element root = soup.children().first();
        Element element = root == null ? null : element(root, Map.of("xml", Namespace.XML_NAMESPACE.getURI()), 0);
        if (element == null) {
            return null;
        }
        Document document = new Document(element);
        for (Node node : soup.childNodes()) {
            if (node instanceof DocumentType type) {
                try {
                    document.setDocType(new DocType(type.name(), blankToNull(type.publicId()), blankToNull(type.systemId())));
                } catch (IllegalNameException | IllegalDataException e) {
                    // A DOCTYPE with impossible names says nothing Rome could use.
                }
            }
        }
        return document;
    }

    /** The JDOM twin of a jsoup element, with its namespaces resolved; null when its name is not an XML name. */
    private static Element element(org.jsoup.nodes.Element source, Map<String, String> inherited, int depth) {
        Map<String, String> namespaces = inherited;
        for (org.jsoup.nodes.Attribute attribute : source.attributes()) {
            String key = attribute.getKey();
            if (key.equals("xmlns") || key.startsWith("xmlns:")) {
                if (namespaces == inherited) {
                    namespaces = new HashMap<>(inherited);
                }
                namespaces.put(key.equals("xmlns") ? "" : key.substring(6), attribute.getValue());
            }
        }
        String[] name = split(source.tagName());
        if (Verifier.checkElementName(name[1]) != null) {
            return null;
        }
        Element element = new Element(name[1], namespace(name[0], namespaces));
        for (org.jsoup.nodes.Attribute attribute : source.attributes()) {
            String[] key = split(attribute.getKey());
            if (key[0].equals("xmlns") || key[0].isEmpty() && key[1].equals("xmlns")) {
                continue;
            }
            if (!key[0].isEmpty() && !namespaces.containsKey(key[0])) {
                continue;
            }
            try {
                element.setAttribute(new Attribute(key[1], characters(attribute.getValue()),
                        key[0].isEmpty() ? Namespace.NO_NAMESPACE : Namespace.getNamespace(key[0], namespaces.get(key[0]))));
            } catch (IllegalNameException | IllegalDataException | IllegalAddException e) {
                // An attribute XML cannot hold is left out, not the feed.
            }
        }
        for (Node node : source.childNodes()) {
            if (node instanceof TextNode text) {
                element.addContent(new Text(characters(text.getWholeText())));
            } else if (node instanceof DataNode data) {
                element.addContent(new Text(characters(data.getWholeData())));
            } else if (node instanceof org.jsoup.nodes.Element child) {
                Element converted = depth < MAX_DEPTH ? element(child, namespaces, depth + 1) : null;
                element.addContent(converted != null ? converted : new Text(characters(child.wholeText())));
            }
        }
        return element;
    }

    /** The namespace a prefix stands for here; none when it is not declared (or declared wrongly). */
    private static Namespace namespace(String prefix, Map<String, String> namespaces) {
        String uri = namespaces.get(prefix);
        if (uri == null) {
            return Namespace.NO_NAMESPACE;
        }
        try {
            return Namespace.getNamespace(prefix, uri);
        } catch (IllegalNameException e) {
            return Namespace.NO_NAMESPACE;
        }
    }

    /** A qualified name as prefix (empty when none) and local name. */
    private static String[] split(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? new String[] {"", name} : new String[] {name.substring(0, colon), name.substring(colon + 1)};
    }

    /** The text without the characters XML cannot carry (most control characters). */
    static String characters(String text) {
        if (Verifier.checkCharacterData(text) == null) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Verifier::isXMLCharacter).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
