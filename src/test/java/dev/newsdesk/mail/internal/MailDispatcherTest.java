package dev.newsdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.newsdesk.MutableClock;
import dev.newsdesk.mail.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailDispatcherTest {

    /**
     * SMTP timeouts long enough for a real server on a loaded machine to answer in time (at 250 ms the tests that
     * talk to one failed under load); only the silent server's test waits one out.
     */
    private final MailSettings settings = new MailSettings("Newsdesk <desk@news.example.org>", "editors@news.example.org",
            Path.of("unused"), Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Duration.ofMinutes(1),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final Outbox outbox = mock(Outbox.class);
    private final Outbox.QueuedMail mail = new Outbox.QueuedMail(42, "reader@example.org", "Подтвердите адрес",
            "Текст письма", "<p>Текст письма</p>", "<fixed-id@news.example.org>", 0);

    @BeforeEach
    void everyClaimSucceeds() {
        when(outbox.claim(anyLong(), anyInt(), anyString(), any(), any())).thenReturn(true);
    }

    @Test
    void writesMessagesToTheOutboxFolderAsEmlFiles(@TempDir Path folder) throws Exception {
        when(outbox.due(any(), anyInt())).thenReturn(List.of(mail));

        new MailDispatcher(outbox, new FolderDelivery(folder), settings, clock, "node-a").dispatch();

        Path file = folder.resolve("mail-42.eml");
        assertThat(file).exists();
        assertThat(folder.resolve("mail-42.eml.part")).doesNotExist();
        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(message.getSubject()).isEqualTo("Подтвердите адрес");
        assertThat(message.getMessageID()).isEqualTo("<fixed-id@news.example.org>");
        assertThat(message.getReplyTo()[0].toString()).isEqualTo("editors@news.example.org");
        assertThat(message.getSentDate()).isEqualTo(java.util.Date.from(clock.instant()));
        assertThat(message.getContent()).isInstanceOf(MimeMultipart.class);
        verify(outbox).claim(42, 0, "node-a", clock.instant(), clock.instant().plus(settings.lease()));
        verify(outbox).sent(42, "node-a", clock.instant());
    }

    @Test
    void handsOverNothingAnotherNodeClaimed(@TempDir Path folder) {
        when(outbox.due(any(), anyInt())).thenReturn(List.of(mail));
        when(outbox.claim(anyLong(), anyInt(), anyString(), any(), any())).thenReturn(false);

        new MailDispatcher(outbox, new FolderDelivery(folder), settings, clock, "node-a").dispatch();

        assertThat(folder.resolve("mail-42.eml")).doesNotExist();
        verify(outbox, never()).sent(anyLong(), anyString(), any());
    }

    @Test
    void retriesAnUnreachableServerAndDeliversTheMessageOnce() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            JavaMailSenderImpl sender = SmtpDeliveryTest.sender(unusedPort());
            MailDispatcher dispatcher = new MailDispatcher(outbox, new SmtpDelivery(sender, settings), settings, clock,
                    "node-a");
            when(outbox.due(any(), anyInt())).thenReturn(List.of(mail));

            dispatcher.dispatch();

            verify(outbox).retryLater(eq(42L), eq("node-a"), any(), anyString());
            verify(outbox, never()).sent(anyLong(), anyString(), any());

            sender.setPort(smtp.getSmtp().getPort());
            when(outbox.due(any(), anyInt())).thenReturn(List.of(new Outbox.QueuedMail(42, mail.to(), mail.subject(),
                    mail.text(), mail.html(), mail.messageId(), 1)));
            dispatcher.dispatch();

            verify(outbox).sent(42, "node-a", clock.instant());
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<fixed-id@news.example.org>");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void givesUpAMessageTheServerMayHaveTakenRatherThanSendItTwice() throws Exception {
        try (SilentSmtpServer server = new SilentSmtpServer()) {
            when(outbox.due(any(), anyInt())).thenReturn(List.of(mail));
            MailDispatcher dispatcher = new MailDispatcher(outbox,
                    new SmtpDelivery(SmtpDeliveryTest.sender(server.port()), settings), settings, clock, "node-a");

            dispatcher.dispatch();

            assertThat(server.messages()).isEqualTo(1);
            verify(outbox).failed(eq(42L), eq("node-a"), contains("may have arrived"), any());
            verify(outbox, never()).retryLater(anyLong(), anyString(), any(), anyString());
        }
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        Delivery failing = new Delivery() {
            @Override
            public Session session() {
                return Session.getInstance(new Properties());
            }

            @Override
            public void deliver(MimeMessage message, Outbox.QueuedMail queued) throws MessagingException {
                throw new MessagingException("421 Service not available, try later");
            }

            @Override
            public HandOver judge(Exception failure) {
                return HandOver.REFUSED_FOR_NOW;
            }

            @Override
            public String describe() {
                return "a failing server";
            }
        };
        when(outbox.due(any(), anyInt())).thenReturn(List.of(new Outbox.QueuedMail(42, mail.to(), mail.subject(),
                mail.text(), mail.html(), mail.messageId(), settings.maxAttempts() - 1)));

        new MailDispatcher(outbox, failing, settings, clock, "node-a").dispatch();

        verify(outbox).failed(eq(42L), eq("node-a"), eq("421 Service not available, try later"), any());
    }

    @Test
    void waitsLongerAfterEachFailureButNotMoreThanAnHour() {
        MailDispatcher dispatcher = new MailDispatcher(outbox, null, settings, clock, "node-a");

        assertThat(dispatcher.wait(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        assertThat(dispatcher.wait(3)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(48));
        assertThat(dispatcher.wait(30)).isLessThanOrEqualTo(Duration.ofMinutes(72));
    }

    private static int unusedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
