package dev.newsdesk.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import dev.newsdesk.mail.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivers queued messages: claims each (see {@link Outbox}), composes it as a multipart (text and HTML)
 * message with its own Message-ID and hands it to the {@link Delivery}. The claim is committed before the
 * hand-over, so several nodes may dispatch at once and no message goes to two of them. A temporary refusal is
 * retried later with a growing, jittered wait; a permanent one, a message that cannot be composed or too many
 * temporary refusals give the message up, with the reason kept for admins. A hand-over broken off with no answer
 * is given up too, as is a message whose lease ran out mid-hand-over: the server may have taken it, and a
 * message missing is better mended by its reader asking again than a message sent twice.
 */
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    static final int BATCH = 50;
    static final Duration MAX_WAIT = Duration.ofHours(1);
    static final Duration KEEP_SENT = Duration.ofDays(7);

    private final Outbox outbox;
    private final Delivery delivery;
    private final MailSettings settings;
    private final Clock clock;
    /** Names this dispatcher's claims: one per node. */
    private final String node;
    /** Messages the server took whose record failed, with when: recorded first thing in the next run. */
    private final Map<Long, Instant> unrecorded = new ConcurrentHashMap<>();
    private Instant lastPrune = Instant.EPOCH;

    MailDispatcher(Outbox outbox, Delivery delivery, MailSettings settings, Clock clock, String node) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Delivers the messages that are due, and answers what the outbox holds afterwards. When the database fails,
     * the failure reaches the caller and the messages wait for the next call. Stops claiming messages when its
     * thread is interrupted (the run is out of time).
     */
    public Outbox.Queue dispatch() {
        recordUnrecorded();
        Instant now = clock.instant();
        int abandoned = outbox.abandonExpired(now);
        if (abandoned > 0) {
            log.warn("Gave up {} messages whose hand-over outlived its lease: they may have arrived", abandoned);
        }
        for (Outbox.QueuedMail mail : outbox.due(now, BATCH)) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Instant claimed = clock.instant();
            if (outbox.claim(mail.id(), mail.attempts(), node, claimed, claimed.plus(settings.lease()))) {
                deliver(mail, mail.attempts() + 1);
            }
        }
        if (now.isAfter(lastPrune.plus(Duration.ofHours(1)))) {
            outbox.pruneSent(now.minus(KEEP_SENT));
            lastPrune = now;
        }
        return outbox.queue();
    }

    private void recordUnrecorded() {
        for (Map.Entry<Long, Instant> sent : unrecorded.entrySet()) {
            outbox.sent(sent.getKey(), node, sent.getValue());
            unrecorded.remove(sent.getKey());
        }
    }

    private void deliver(Outbox.QueuedMail mail, int attempt) {
        MimeMessage message;
        try {
            message = compose(mail);
        } catch (MessagingException | RuntimeException e) {
            giveUp(mail, attempt, "The message cannot be composed: " + reason(e));
            return;
        }
        try {
            delivery.deliver(message, mail);
        } catch (Exception e) {
            settle(mail, attempt, delivery.judge(e), reason(e));
            return;
        }
        Instant at = clock.instant();
        try {
            outbox.sent(mail.id(), node, at);
        } catch (RuntimeException e) {
            // Taken by the server: never handed over again. Recorded in the next run, or, should this node stop
            // first, given up when the lease runs out.
            unrecorded.put(mail.id(), at);
            throw e;
        }
    }

    private void settle(Outbox.QueuedMail mail, int attempt, HandOver failure, String reason) {
        switch (failure) {
            case REFUSED_FOR_NOW -> {
                if (attempt < settings.maxAttempts()) {
                    Instant next = clock.instant().plus(wait(attempt));
                    outbox.retryLater(mail.id(), node, next, reason);
                    log.warn("Mail {} to {} not delivered (attempt {}): {}; trying again at {}", mail.id(), mail.to(),
                            attempt, reason, next);
                } else {
                    giveUp(mail, attempt, reason);
                }
            }
            case REFUSED -> giveUp(mail, attempt, reason);
            case UNKNOWN -> giveUp(mail, attempt,
                    "Broken off before the server answered; the message may have arrived, so it is not sent again: "
                            + reason);
        }
    }

    private void giveUp(Outbox.QueuedMail mail, int attempt, String reason) {
        outbox.failed(mail.id(), node, reason, clock.instant());
        log.error("Mail {} to {} given up after {} attempts: {}", mail.id(), mail.to(), attempt, reason);
    }

    private MimeMessage compose(Outbox.QueuedMail mail) throws MessagingException {
        MimeMessage message = new StableIdMessage(delivery.session(), mail.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
            helper.setReplyTo(settings.replyTo());
        }
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        helper.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        return message;
    }

    /** The wait before attempt {@code attempt + 1}: the first retry's, doubled each time, at most an hour, ±20%. */
    Duration wait(int attempt) {
        Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20));
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (wait.toMillis() * jitter));
    }

    private static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause : HandOver.causes(failure)) {
            if (cause.getMessage() != null && reason.indexOf(cause.getMessage()) < 0 && reason.length() < 1500) {
                reason.append(reason.isEmpty() ? "" : "; ").append(cause.getMessage().strip());
            }
        }
        return reason.isEmpty() ? failure.getClass().getSimpleName() : reason.toString();
    }

    /** A message that keeps the Message-ID it was queued with, instead of a new one per attempt. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
