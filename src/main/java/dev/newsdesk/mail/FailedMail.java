package dev.newsdesk.mail;

import java.time.Instant;

/** A message that could not be delivered, and why. */
public record FailedMail(long id, String to, String subject, int attempts, String lastError, Instant queuedAt,
                         Instant failedAt) {
}
