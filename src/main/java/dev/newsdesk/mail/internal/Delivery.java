package dev.newsdesk.mail.internal;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where composed messages go: an SMTP server, or a folder of {@code .eml} files. */
interface Delivery {

    /** The mail session to compose messages in. */
    Session session();

    void deliver(MimeMessage message, Outbox.QueuedMail mail) throws Exception;

    /** What a failure of {@link #deliver} says about the message. */
    HandOver judge(Exception failure);

    /** For the log: where messages go. */
    String describe();
}
