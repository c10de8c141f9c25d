package dev.newsdesk.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.io.XmlReader;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of an XML feed into text. A feed that declares its character set (a byte order mark, the
 * XML declaration, the HTTP header) is read in it, by Rome's rules for which declaration wins. One that
 * declares none is read as UTF-8 when its bytes are UTF-8, and otherwise in the character set Mozilla's
 * detector recognises (KOI8-R, GB18030, TIS-620...), or as windows-1252 when it recognises none, as browsers do;
 * the feed's status then says which.
 */
final class FeedCharset {

    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern HTTP_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]*)");

    private FeedCharset() {
    }

    /**
     * A feed's text, and the character set it was read in when the feed did not declare it.
     *
     * @param detected null when the feed declared its character set or was UTF-8
     */
    record Decoded(String text, String detected) {
    }

    static Decoded decode(byte[] body, String contentType) throws FeedMalformed {
        String declared = declared(body, contentType);
        if (declared != null) {
            return new Decoded(declared(body, contentType, declared), null);
        }
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString(), null);
        } catch (CharacterCodingException notUtf8) {
            Charset charset = detect(body);
            return new Decoded(new String(body, charset), charset.name());
        }
    }

    /** The character set the feed names (or its BOM or UTF-16 bytes imply); null when it says nothing. */
    private static String declared(byte[] body, String contentType) {
        if (body.length >= 2 && (body[0] == 0 || body[1] == 0 || (body[0] & 0xFF) >= 0xFE && (body[1] & 0xFF) >= 0xFE)
                || body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return "the byte order mark";
        }
        Matcher prolog = XML_ENCODING.matcher(new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1));
        if (prolog.find() && !prolog.group(1).isBlank()) {
            return prolog.group(1).strip();
        }
        Matcher header = contentType == null ? null : HTTP_CHARSET.matcher(contentType);
        return header != null && header.find() && !header.group(1).isBlank() ? header.group(1) : null;
    }

    private static String declared(byte[] body, String contentType, String declared) throws FeedMalformed {
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            StringWriter text = new StringWriter(body.length);
            reader.transferTo(text);
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw new FeedMalformed("The feed declares a character set that cannot be read (" + declared + ")", e);
        }
    }

    private static Charset detect(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, body.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        try {
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        } catch (IllegalCharsetNameException e) {
            // A name the JDK does not know is no better than none.
        }
        return Charset.forName("windows-1252");
    }
}
