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
 * Queued messages and what became of them: PENDING until delivered (SENT) or given up (FAILED). Each
 * message gets its Message-ID when queued, so that a retry sends the very same message.
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

    /** Pending messages whose time has come, oldest first. */
    public List<QueuedMail> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, text_body, html_body, message_id, attempts FROM mail_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?""")
                .params(utc(now), limit)
                .query((rs, row) -> new QueuedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
    }

    public void sent(long id, int attempts, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', attempts = ?, finished_at = ?, next_attempt_at = NULL WHERE id = ?")
                .params(attempts, utc(at), id)
                .update();
    }

    public void retryLater(long id, int attempts, Instant next, String error) {
        jdbc.sql("UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, utc(next), shorten(error), id)
                .update();
    }

    public void failed(long id, int attempts, String error, Instant at) {
        jdbc.sql("""
                        UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ?, finished_at = ?,
                            next_attempt_at = NULL
                        WHERE id = ?""")
                .params(attempts, shorten(error), utc(at), id)
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
