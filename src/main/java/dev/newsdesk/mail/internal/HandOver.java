package dev.newsdesk.mail.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import org.springframework.mail.MailSendException;

/** What a failed hand-over says about the message: whether the server took it, and whether it may later. */
enum HandOver {

    /** The server did not take the message but may later (it could not be reached, or answered 4xx): retry. */
    REFUSED_FOR_NOW,

    /** The server will not take the message (it answered 5xx, or refused the login): give it up. */
    REFUSED,

    /**
     * Broken off mid-conversation (a timeout, a reset, an interruption) with no answer: the server may have
     * taken the message, so it is given up rather than sent a second time.
     */
    UNKNOWN;

    /**
     * The failure and its causes, first to last, with the exceptions that Jakarta Mail ({@code getNextException})
     * and Spring (the failed messages) keep beside the cause.
     */
    static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause) && causes.size() < 20; ) {
            causes.add(cause);
            if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
                cause = messaging.getNextException();
            } else if (cause instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
                cause = send.getFailedMessages().values().iterator().next();
            } else {
                cause = cause.getCause();
            }
        }
        return causes;
    }
}
