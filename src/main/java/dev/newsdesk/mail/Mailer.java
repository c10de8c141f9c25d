package dev.newsdesk.mail;

import java.time.Clock;
import java.util.List;

import dev.newsdesk.mail.internal.Outbox;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to send mail. {@link #send(Mail)} only queues the message, in the caller's transaction:
 * a sign-up that rolls back sends nothing, one that commits is sure to send. Delivery happens in the
 * background, once per cluster, with retries for temporary failures.
 */
@Service
public class Mailer {

    private final Outbox outbox;
    private final Clock clock;

    Mailer(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues a message and answers its id in the outbox. */
    @Transactional
    public long send(Mail mail) {
        try {
            new InternetAddress(mail.to(), true).validate();
        } catch (AddressException e) {
            throw new MailRejected("Not a mail address: " + mail.to());
        }
        if (mail.subject() == null || mail.subject().isBlank() || mail.text() == null || mail.html() == null) {
            throw new MailRejected("A message needs a subject, a text and an HTML version");
        }
        return outbox.queue(mail, clock.instant());
    }

    /** Messages given up on (a permanent failure, or too many temporary ones), newest first. */
    public List<FailedMail> failures(int limit) {
        return outbox.failures(limit);
    }

    /** How many messages wait to be delivered. */
    public long pending() {
        return outbox.pending();
    }
}
