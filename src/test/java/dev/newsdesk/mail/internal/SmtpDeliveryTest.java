package dev.newsdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import dev.newsdesk.mail.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpDeliveryTest {

    /** Timeouts short enough for a test: a quarter of a second to connect, to read and to write. */
    static final MailSettings QUICK = new MailSettings("Newsdesk <desk@news.example.org>", null, Path.of("unused"),
            Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Duration.ofMinutes(1), Duration.ofMillis(250),
            Duration.ofMillis(250), Duration.ofMillis(250));

    private final Outbox.QueuedMail mail = new Outbox.QueuedMail(42, "reader@example.org", "Тема", "Текст",
            "<p>Текст</p>", "<fixed-id@news.example.org>", 0);

    @Test
    void appliesItsTimeoutsUnlessTheOperatorSetThem() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Properties operators = new Properties();
        operators.setProperty("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(operators);

        new SmtpDelivery(sender, QUICK);

        Properties session = sender.getSession().getProperties();
        assertThat(session.getProperty("mail.smtp.connectiontimeout")).isEqualTo("250");
        assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("5000");
        assertThat(session.getProperty("mail.smtp.writetimeout")).isEqualTo("250");
    }

    @Test
    void givesUpOnAServerThatNeverGreetsAndCallsTheMessageNotTaken() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SmtpDelivery delivery = new SmtpDelivery(sender(silent.getLocalPort()), QUICK);

            Exception failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> catchFailure(delivery));

            assertThat(delivery.judge(failure)).isEqualTo(HandOver.REFUSED_FOR_NOW);
        }
    }

    @Test
    void callsAMessageBrokenOffAfterItsLastLineUnknown() throws IOException {
        try (SilentSmtpServer server = new SilentSmtpServer()) {
            SmtpDelivery delivery = new SmtpDelivery(sender(server.port()), QUICK);

            Exception failure = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchFailure(delivery));

            assertThat(server.messages()).isEqualTo(1);
            assertThat(delivery.judge(failure)).isEqualTo(HandOver.UNKNOWN);
        }
    }

    @Test
    void tellsWhatTheServersAnswerSaysAboutTheMessage() {
        SmtpDelivery delivery = new SmtpDelivery(new JavaMailSenderImpl(), QUICK);

        assertThat(delivery.judge(new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("refused")), Map.of())))
                .isEqualTo(HandOver.REFUSED_FOR_NOW);
        assertThat(delivery.judge(new MailSendException(Map.of(new Object(),
                new MessagingException("451 4.3.0 Mail server temporarily rejected message")))))
                .isEqualTo(HandOver.REFUSED_FOR_NOW);
        assertThat(delivery.judge(new MailSendException(Map.of(new Object(),
                new MessagingException("550 5.1.1 User unknown"))))).isEqualTo(HandOver.REFUSED);
        assertThat(delivery.judge(new MailAuthenticationException("535 bad credentials"))).isEqualTo(HandOver.REFUSED);
        assertThat(delivery.judge(new MailSendException(Map.of(new Object(), new MessagingException(
                "Exception reading response", new SocketTimeoutException("Read timed out"))))))
                .isEqualTo(HandOver.UNKNOWN);
    }

    private Exception catchFailure(SmtpDelivery delivery) throws MessagingException {
        MimeMessage message = new MimeMessage(delivery.session());
        message.setFrom(new InternetAddress("desk@news.example.org"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject());
        message.setText(mail.text());
        try {
            delivery.deliver(message, mail);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("The server took the message");
    }

    static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }
}
