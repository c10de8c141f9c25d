package dev.newsdesk.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import dev.newsdesk.mail.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivers queued messages: composes each as a multipart (text and HTML) message with its own
 * Message-ID and hands it to the {@link Delivery}. A temporary failure (no answer, an SMTP 4xx reply) is
 * retried later with a growing, jittered wait; a permanent one (a 5xx reply, a message that cannot be
 * composed) or too many temporary ones give the message up, with the reason kept for admins.
 * Runs once per cluster (under a ShedLock lock), so no message is handed over twice by two nodes.
 */
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Pattern SMTP_REPLY = Pattern.compile("^\\s*([45])\\d\\d[ -]");
    static final int BATCH = 50;
    static final Duration MAX_WAIT = Duration.ofHours(1);
    static final Duration KEEP_SENT = Duration.ofDays(7);

    private final Outbox outbox;
    private final Delivery delivery;
    private final MailSettings settings;
    private final Clock clock;
    private Instant lastPrune = Instant.EPOCH;

    MailDispatcher(Outbox outbox, Delivery delivery, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Delivers the messages that are due, and answers what the outbox holds afterwards. When the outbox cannot
     * be read, the failure reaches the caller and the messages wait for the next call.
     */
    public Outbox.Queue dispatch() {
        Instant now = clock.instant();
        for (Outbox.QueuedMail mail : outbox.due(now, BATCH)) {
            deliver(mail);
        }
        if (now.isAfter(lastPrune.plus(Duration.ofHours(1)))) {
            outbox.pruneSent(now.minus(KEEP_SENT));
            lastPrune = now;
        }
        return outbox.queue();
    }

    private void deliver(Outbox.QueuedMail mail) {
        int attempt = mail.attempts() + 1;
        try {
            delivery.deliver(compose(mail), mail);
            outbox.sent(mail.id(), attempt, clock.instant());
        } catch (Exception e) {
            String reason = reason(e);
            if (isTemporary(e) && attempt < settings.maxAttempts()) {
                Instant next = clock.instant().plus(wait(attempt));
                outbox.retryLater(mail.id(), attempt, next, reason);
                log.warn("Mail {} to {} not delivered (attempt {}): {}; trying again at {}", mail.id(), mail.to(),
                        attempt, reason, next);
            } else {
                outbox.failed(mail.id(), attempt, reason, clock.instant());
                log.error("Mail {} to {} given up after {} attempts: {}", mail.id(), mail.to(), attempt, reason);
            }
        }
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

    /**
     * Whether trying again later may help: yes when the server did not answer or answered 4xx; no for a
     * 5xx reply, a refused login or a message that cannot be composed.
     */
    static boolean isTemporary(Throwable failure) {
        if (failure instanceof MailAuthenticationException || failure instanceof MailParseException
                || failure instanceof MailPreparationException) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            var reply = cause.getMessage() == null ? null : SMTP_REPLY.matcher(cause.getMessage());
            if (reply != null && reply.find()) {
                return reply.group(1).equals("4");
            }
        }
        return true;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().iterator().next();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < 1500; cause = next(cause)) {
            if (cause.getMessage() != null && reason.indexOf(cause.getMessage()) < 0) {
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
