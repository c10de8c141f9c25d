package dev.newsdesk.mail.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each message to a folder as an {@code .eml} file that any mail program opens: the embedded
 * default, for a portal with no SMTP server configured.
 */
class FolderDelivery implements Delivery {

    private static final Logger log = LoggerFactory.getLogger(FolderDelivery.class);

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    FolderDelivery(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void deliver(MimeMessage message, Outbox.QueuedMail mail) throws IOException, MessagingException {
        Files.createDirectories(folder);
        Path file = folder.resolve("mail-" + mail.id() + ".eml");
        Path partial = folder.resolve("mail-" + mail.id() + ".eml.part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        }
        // Renamed into place, so that a reader never sees half a message and a retry just replaces it.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Mail to {} ({}) written to {}", mail.to(), mail.subject(), file);
    }

    /** A file not written is not delivered, and writing it again replaces any part of it. */
    @Override
    public HandOver judge(Exception failure) {
        return HandOver.REFUSED_FOR_NOW;
    }

    @Override
    public String describe() {
        return "the folder " + folder + " (no spring.mail.host is set)";
    }
}
