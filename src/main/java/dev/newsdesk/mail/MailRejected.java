package dev.newsdesk.mail;

/** A message that cannot be queued as given (no valid recipient, no subject, no content). */
public class MailRejected extends RuntimeException {

    public MailRejected(String reason) {
        super(reason);
    }
}
