package dev.newsdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.util.GreenMail;
import dev.newsdesk.MutableClock;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestMailServer;
import dev.newsdesk.TestNews;
import dev.newsdesk.mail.Mail;
import dev.newsdesk.mail.MailSettings;
import dev.newsdesk.mail.Mailer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Several nodes dispatching one outbox, as two {@link MailDispatcher}s on the test database: every message
 * reaches the SMTP server once, whatever is slow or fails in between.
 */
@NewsdeskTest
class MailDispatchAcrossNodesTest {

    @Autowired JdbcClient jdbc;
    @Autowired Outbox outbox;
    @Autowired MailSettings settings;
    @Autowired JavaMailSenderImpl sender;
    @Autowired GreenMail smtp;
    @Autowired Mailer mailer;

    /**
     * A year ahead: the messages queued here are due for these dispatchers, not yet for the application's own. In
     * whole milliseconds, as the database keeps them: a message queued "now" is due "now".
     */
    private final MutableClock clock = new MutableClock(
            Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.MILLIS));

    @Test
    void twoNodesSendingAtOnceHandEveryMessageOverOnce() throws Exception {
        List<String> readers = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String reader = TestNews.unique("two-nodes") + "@example.org";
            readers.add(reader);
            ids.add(queue(reader));
        }
        Delivery sideBySide = new SideBySide(new SmtpDelivery(sender, settings));
        MailDispatcher first = new MailDispatcher(outbox, sideBySide, settings, clock, "node-a");
        MailDispatcher second = new MailDispatcher(outbox, sideBySide, settings, clock, "node-b");

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = nodes.submit(() -> dispatchUntilSent(first, ids));
            Future<?> b = nodes.submit(() -> dispatchUntilSent(second, ids));
            a.get(2, TimeUnit.MINUTES);
            b.get(2, TimeUnit.MINUTES);
        } finally {
            nodes.shutdownNow();
        }

        for (String reader : readers) {
            assertThat(TestMailServer.messagesTo(smtp, reader)).as(reader).hasSize(1);
        }
        assertThat(statuses(ids)).containsOnly("SENT");
        assertThat(claimers(ids)).as("both nodes sent").containsExactlyInAnyOrder("node-a", "node-b");
    }

    @Test
    void aMessageTheServerTookIsNotSentAgainWhenItsRecordFails() {
        String reader = TestNews.unique("record-fails") + "@example.org";
        long id = queue(reader);
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        MailDispatcher dispatcher = new MailDispatcher(new Outbox(jdbc, settings) {
            @Override
            public void sent(long message, String node, Instant at) {
                if (message == id && databaseDown.get()) {
                    throw new DataAccessResourceFailureException("Connection lost");
                }
                super.sent(message, node, at);
            }
        }, new SmtpDelivery(sender, settings), settings, clock, "node-a");

        assertThatThrownBy(dispatcher::dispatch).hasMessage("Connection lost");
        assertThat(TestMailServer.messagesTo(smtp, reader)).hasSize(1);

        databaseDown.set(false);
        clock.advance(Duration.ofHours(2));
        dispatcher.dispatch();

        assertThat(TestMailServer.messagesTo(smtp, reader)).hasSize(1);
        assertThat(statuses(List.of(id))).containsExactly("SENT");
    }

    @Test
    void aHandOverThatOutlivesItsLeaseIsNotRepeatedByAnotherNode() throws Exception {
        String reader = TestNews.unique("outlives-lease") + "@example.org";
        long id = queue(reader);
        CountDownLatch handingOver = new CountDownLatch(1);
        CountDownLatch serverAnswers = new CountDownLatch(1);
        Delivery hanging = new Slowed(new SmtpDelivery(sender, settings), mail -> {
            if (mail.id() == id) {
                handingOver.countDown();
                serverAnswers.await();
            }
        });
        MailDispatcher stuck = new MailDispatcher(outbox, hanging, settings, clock, "node-a");
        MailDispatcher other = new MailDispatcher(outbox, new SmtpDelivery(sender, settings), settings, clock, "node-b");

        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<Outbox.Queue> first = node.submit(stuck::dispatch);
            assertThat(handingOver.await(30, TimeUnit.SECONDS)).isTrue();
            clock.advance(settings.lease().plusSeconds(1));
            other.dispatch();

            assertThat(statuses(List.of(id))).as("given up for admins, not sent again").containsExactly("FAILED");
            serverAnswers.countDown();
            first.get(30, TimeUnit.SECONDS);
        } finally {
            serverAnswers.countDown();
            node.shutdownNow();
        }

        assertThat(TestMailServer.messagesTo(smtp, reader)).hasSize(1);
        assertThat(statuses(List.of(id))).as("as the server did take it").containsExactly("SENT");
    }

    @Test
    void aNodeThatStoppedAfterTheServerTookAMessageLeavesItToAdminsNotToASecondSend() {
        String reader = TestNews.unique("node-stopped") + "@example.org";
        long id = queue(reader);
        MailDispatcher stopping = new MailDispatcher(new Outbox(jdbc, settings) {
            @Override
            public void sent(long message, String node, Instant at) {
                if (message == id) {
                    throw new DataAccessResourceFailureException("Connection lost");
                }
                super.sent(message, node, at);
            }
        }, new SmtpDelivery(sender, settings), settings, clock, "node-a");
        assertThatThrownBy(stopping::dispatch).isInstanceOf(DataAccessResourceFailureException.class);

        clock.advance(settings.lease().plusSeconds(1));
        new MailDispatcher(outbox, new SmtpDelivery(sender, settings), settings, clock, "node-b").dispatch();

        assertThat(TestMailServer.messagesTo(smtp, reader)).hasSize(1);
        assertThat(mailer.failures(1000)).filteredOn(failure -> failure.id() == id).singleElement()
                .satisfies(failure -> assertThat(failure.lastError()).contains("node-a", "may have arrived"));
    }

    private long queue(String reader) {
        return outbox.queue(new Mail(reader, "Подтвердите адрес", "Откройте ссылку.", "<p>Откройте ссылку.</p>"),
                clock.instant());
    }

    private void dispatchUntilSent(MailDispatcher dispatcher, List<Long> ids) {
        while (!Thread.currentThread().isInterrupted() && statuses(ids).stream().anyMatch(status -> !status.equals("SENT"))) {
            dispatcher.dispatch();
        }
    }

    private List<String> statuses(List<Long> ids) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query(String.class).list();
    }

    private List<String> claimers(List<Long> ids) {
        return jdbc.sql("SELECT DISTINCT claimed_by FROM mail_outbox WHERE id IN (:ids)").param("ids", ids)
                .query(String.class).list();
    }

    /**
     * A slow SMTP server as two nodes see it: each hand-over waits (a second at most) until the other node is
     * handing a message over too, so that both are sending at the same time.
     */
    private static final class SideBySide extends Slowed {

        SideBySide(Delivery smtp) {
            this(smtp, new CyclicBarrier(2));
        }

        private SideBySide(Delivery smtp, CyclicBarrier both) {
            super(smtp, mail -> {
                try {
                    both.await(1, TimeUnit.SECONDS);
                } catch (TimeoutException | BrokenBarrierException e) {
                    // The other node has nothing left to send.
                    both.reset();
                }
            });
        }
    }

    /** An SMTP delivery that pauses before each hand-over, as a slow server would take its time. */
    private static class Slowed implements Delivery {

        private final Delivery smtp;
        private final Pause before;

        Slowed(Delivery smtp, Pause before) {
            this.smtp = smtp;
            this.before = before;
        }

        @Override
        public Session session() {
            return smtp.session();
        }

        @Override
        public void deliver(MimeMessage message, Outbox.QueuedMail mail) throws Exception {
            before.run(mail);
            smtp.deliver(message, mail);
        }

        @Override
        public HandOver judge(Exception failure) {
            return smtp.judge(failure);
        }

        @Override
        public String describe() {
            return "a slow " + smtp.describe();
        }
    }

    private interface Pause {
        void run(Outbox.QueuedMail mail) throws Exception;
    }
}
