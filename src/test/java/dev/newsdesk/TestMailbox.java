package dev.newsdesk;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

/** Reads what the portal sent, as received by the test's SMTP server. */
public final class TestMailbox {

    private final GreenMail smtp;

    public TestMailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    /** Waits (a few seconds at most) until {@code count} messages have reached {@code address}, and answers them. */
    public List<MimeMessage> await(String address, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> TestMailServer.messagesTo(smtp, address), messages -> messages.size() >= count);
    }

    public List<MimeMessage> all(String address) {
        return TestMailServer.messagesTo(smtp, address);
    }

    /** The plain-text part of a message. */
    public static String text(MimeMessage message) {
        try {
            return part(message.getContent(), "text/plain");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String html(MimeMessage message) {
        try {
            return part(message.getContent(), "text/html");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The site path of the first link in the message's text that goes to {@code pathPrefix} (e.g. "/verify/"). */
    public static String link(MimeMessage message, String pathPrefix) {
        Matcher link = Pattern.compile("https?://[^/\\s]+(\\S*" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+)")
                .matcher(text(message));
        if (!link.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in: " + text(message));
        }
        return link.group(1);
    }

    private static String part(Object content, String type) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType(type)) {
                    return (String) body.getContent();
                }
                String inner = part(body.getContent(), type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
