package dev.newsdesk;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail) for the application under test to send to, and what it received.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    TestMailServer() {
        smtp.start();
    }

    @Bean(destroyMethod = "")
    GreenMail greenMail() {
        return smtp;
    }

    /** Declared as Spring Boot declares its own, so that what depends on the type sees the same. */
    @Bean
    JavaMailSenderImpl javaMailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return sender;
    }

    /** The messages received for {@code address}, oldest first. */
    public static List<MimeMessage> messagesTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
