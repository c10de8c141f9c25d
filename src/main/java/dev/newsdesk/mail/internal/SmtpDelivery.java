package dev.newsdesk.mail.internal;

import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Hands messages to the SMTP server configured with {@code spring.mail.*}. */
class SmtpDelivery implements Delivery {

    private final JavaMailSender sender;

    SmtpDelivery(JavaMailSender sender) {
        this.sender = sender;
    }

    @Override
    public Session session() {
        return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    @Override
    public void deliver(MimeMessage message, Outbox.QueuedMail mail) {
        sender.send(message);
    }

    @Override
    public String describe() {
        return sender instanceof JavaMailSenderImpl impl ? "SMTP server " + impl.getHost() + ":" + impl.getPort() : "SMTP";
    }
}
