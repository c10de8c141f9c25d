package dev.newsdesk.mail.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.newsdesk.mail.FailedMail;
import dev.newsdesk.mail.Mail;
import dev.newsdesk.mail.MailSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Queued messages and what became of them: PENDING until a node claims one for a hand-over (SENDING), then
 * delivered (SENT), PENDING again for a retry, or given up (FAILED). Each message gets its Message-ID when
 * queued, so that a retry sends the very same message. A claim is one conditional update that only one node
 * can win, committed before anything is handed over; it holds for a lease, and a message still SENDING when its
 * lease has run out is given up, never handed over again: the server may have taken it.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final String messageIdDomain;

    Outbox(JdbcClient jdbc, MailSettings settings) {
        this.jdbc = jdbc;
        this.messageIdDomain = domainOf(settings.from());
    }

    /** A message waiting to be delivered. */
    public record QueuedMail(long id, String to, String subject, String text, String html, String messageId,
                             int attempts) {
    }

    public long queue(Mail mail, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, text_body, html_body, message_id, status, attempts,
                            next_attempt_at, queued_at)
                        VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(mail.to(), mail.subject(), mail.text(), mail.html(),
                        "<" + UUID.randomUUID() + "@" + messageIdDomain + ">", utc(now), utc(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Pending messages whose time has come, oldest first: candidates, which several nodes may read at once. */
    public List<QueuedMail> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, text_body, html_body, message_id, attempts FROM mail_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?""")
                .params(utc(now), limit)
                .query((rs, row) -> new QueuedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
    }

    /**
     * Claims a candidate for one hand-over by {@code node}, unless another node got there first: the attempt is
     * counted, and the lease runs until {@code leaseUntil}.
     *
     * @param attempts the attempts the candidate was read with; if they changed, it is no longer the same candidate
     * @return whether this node has the message
     */
    public boolean claim(long id, int attempts, String node, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1, claimed_by = ?,
                            claimed_until = ?
                        WHERE id = ? AND status = 'PENDING' AND attempts = ? AND next_attempt_at <= ?""")
                .params(node, utc(leaseUntil), id, attempts, utc(now))
                .update() == 1;
    }

    /** Records that the server took a message that {@code node} claimed (even if its lease ran out meanwhile). */
    public void sent(long id, String node, Instant at) {
        jdbc.sql("""
                        UPDATE mail_outbox SET status = 'SENT', finished_at = ?, next_attempt_at = NULL, claimed_until = NULL
                        WHERE id = ? AND claimed_by = ?""")
                .params(utc(at), id, node)
                .update();
    }

    /** Puts a message that the server did not take back in the queue, for another attempt at {@code next}. */
    public void retryLater(long id, String node, Instant next, String error) {
        jdbc.sql("""
                        UPDATE mail_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?, claimed_until = NULL
                        WHERE id = ? AND claimed_by = ?""")
                .params(utc(next), shorten(error), id, node)
                .update();
    }

    public void failed(long id, String node, String error, Instant at) {
        jdbc.sql("""
                        UPDATE mail_outbox SET status = 'FAILED', last_error = ?, finished_at = ?, next_attempt_at = NULL,
                            claimed_until = NULL
                        WHERE id = ? AND claimed_by = ?""")
                .params(shorten(error), utc(at), id, node)
                .update();
    }

    /**
     * Gives up the messages whose hand-over has outlived its lease: the node that claimed them stopped, or could
     * not record how it went. The server may have taken them, so they are not sent again; admins see them among
     * the failures.
     *
     * @return how many were given up
     */
    public int abandonExpired(Instant now) {
        return jdbc.sql("""
                        UPDATE mail_outbox SET status = 'FAILED', finished_at = ?, next_attempt_at = NULL,
                            last_error = 'The hand-over by ' || claimed_by || ' was broken off when its lease ran out; '
                                || 'the message may have arrived, so it is not sent again'
                        WHERE status = 'SENDING' AND claimed_until < ?""")
                .params(utc(now), utc(now))
                .update();
    }

    public List<FailedMail> failures(int limit) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, attempts, last_error, queued_at, finished_at FROM mail_outbox
                        WHERE status = 'FAILED' ORDER BY finished_at DESC, id DESC LIMIT ?""")
                .param(limit)
                .query((rs, row) -> new FailedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** How many messages wait to be delivered, and how many were given up. */
    public record Queue(long waiting, long givenUp) {
    }

    public Queue queue() {
        long[] counts = new long[2];
        jdbc.sql("SELECT status, count(*) FROM mail_outbox WHERE status IN ('PENDING', 'FAILED') GROUP BY status")
                .query(rs -> {
                    counts[rs.getString(1).equals("PENDING") ? 0 : 1] = rs.getLong(2);
                });
        return new Queue(counts[0], counts[1]);
    }

    public long pending() {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'").query(Long.class).single();
    }

    /** Forgets the content of messages delivered before {@code before}; failures are kept for admins. */
    public int pruneSent(Instant before) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE status = 'SENT' AND finished_at < ?").param(utc(before)).update();
    }

    private static String shorten(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalStateException("newsdesk.mail.from is not a mail address: " + from, e);
        }
    }
}
