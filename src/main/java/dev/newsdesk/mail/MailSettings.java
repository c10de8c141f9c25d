package dev.newsdesk.mail;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of sending mail. SMTP itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host}
 * messages go to {@link #outboxDir()}.
 *
 * @param from the sender, such as {@code Newsdesk <news@example.org>}; its domain also names the Message-IDs
 * @param replyTo where replies go, if not to {@code from}
 * @param outboxDir the folder that receives messages as {@code .eml} files when there is no SMTP server
 * @param dispatchInterval how often queued messages are looked for
 * @param firstRetry the wait after the first temporary failure; it doubles with each further one (up to an hour)
 * @param maxAttempts temporary failures after which a message is given up
 * @param lease how long one node may take to hand a message over; a message still being handed over when its
 *        lease runs out is given up, not sent again, since the server may have taken it (also the time limit of
 *        one dispatch run, so that a node never outlives the leases it holds)
 * @param smtpConnectTimeout how long to wait for the SMTP server to accept a connection
 * @param smtpReadTimeout how long to wait for each answer of the SMTP server
 * @param smtpWriteTimeout how long one write to the SMTP server may block
 */
@Validated
@ConfigurationProperties("newsdesk.mail")
public record MailSettings(
        @NotBlank @DefaultValue("Newsdesk <newsdesk@localhost>") String from,
        String replyTo,
        @NotNull @DefaultValue("./data/outbox") Path outboxDir,
        @NotNull @DefaultValue("1s") Duration dispatchInterval,
        @NotNull @DefaultValue("10s") Duration firstRetry,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("5m") Duration lease,
        @NotNull @DefaultValue("10s") Duration smtpConnectTimeout,
        @NotNull @DefaultValue("30s") Duration smtpReadTimeout,
        @NotNull @DefaultValue("30s") Duration smtpWriteTimeout) {

    /** A silent server must make a hand-over fail well before its lease runs out. */
    @AssertTrue(message = "newsdesk.mail.lease must be longer than the SMTP connect, read and write timeouts together")
    public boolean isLeaseLongerThanTheSmtpTimeouts() {
        return lease == null || smtpConnectTimeout == null || smtpReadTimeout == null || smtpWriteTimeout == null
                || lease.compareTo(smtpConnectTimeout.plus(smtpReadTimeout).plus(smtpWriteTimeout)) > 0;
    }
}
