package dev.newsdesk.mail.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsdesk.mail.MailSettings;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hands messages to the SMTP server configured with {@code spring.mail.*}, with the connect, read and write
 * timeouts of {@link MailSettings} (unless {@code spring.mail.properties.mail.smtp.*} sets them), so that a
 * silent server cannot hold a hand-over for ever.
 */
class SmtpDelivery implements Delivery {

    private static final Pattern SMTP_REPLY = Pattern.compile("^\\s*([45])\\d\\d[ -]");
    /** What Spring's sender says when it could not open the connection, before any message was handed over. */
    private static final String NOT_CONNECTED = "Mail server connection failed";

    private final JavaMailSender sender;

    SmtpDelivery(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        if (sender instanceof JavaMailSenderImpl impl) {
            String protocol = impl.getProtocol() != null ? impl.getProtocol() : "smtp";
            Properties properties = new Properties();
            properties.putAll(impl.getJavaMailProperties());
            properties.putIfAbsent("mail." + protocol + ".connectiontimeout", millis(settings.smtpConnectTimeout()));
            properties.putIfAbsent("mail." + protocol + ".timeout", millis(settings.smtpReadTimeout()));
            properties.putIfAbsent("mail." + protocol + ".writetimeout", millis(settings.smtpWriteTimeout()));
            impl.setJavaMailProperties(properties);
        }
    }

    @Override
    public Session session() {
        return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    @Override
    public void deliver(MimeMessage message, Outbox.QueuedMail mail) {
        sender.send(message);
    }

    /**
     * An answer of the server decides (4xx: later, 5xx: never), and so does a connection never opened; any
     * other failure broke the conversation off, perhaps after the server had taken the message.
     */
    @Override
    public HandOver judge(Exception failure) {
        if (failure instanceof MailAuthenticationException) {
            return HandOver.REFUSED;
        }
        List<Throwable> causes = HandOver.causes(failure);
        for (Throwable cause : causes) {
            Matcher reply = cause.getMessage() == null ? null : SMTP_REPLY.matcher(cause.getMessage());
            if (reply != null && reply.find()) {
                return reply.group(1).equals("4") ? HandOver.REFUSED_FOR_NOW : HandOver.REFUSED;
            }
        }
        boolean neverConnected = failure instanceof MailSendException send && send.getMessage() != null
                && send.getMessage().startsWith(NOT_CONNECTED);
        return neverConnected || causes.stream().anyMatch(cause -> cause instanceof ConnectException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException)
                ? HandOver.REFUSED_FOR_NOW : HandOver.UNKNOWN;
    }

    @Override
    public String describe() {
        return sender instanceof JavaMailSenderImpl impl ? "SMTP server " + impl.getHost() + ":" + impl.getPort() : "SMTP";
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
