package dev.newsdesk.account.internal;

import java.util.List;

import dev.newsdesk.mail.Mail;
import dev.newsdesk.mail.Mailer;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.SiteSettings;
import dev.newsdesk.site.Templates;
import dev.newsdesk.site.Texts;
import org.springframework.stereotype.Component;

/**
 * The mails of accounts, written in the recipient's language from {@code messages_*} and the one
 * template {@code account/mail.jte} (the HTML version; the text version says the same in plain lines).
 */
@Component
public class AccountMails {

    private final Mailer mailer;
    private final Pages pages;
    private final Templates templates;
    private final SiteSettings site;

    AccountMails(Mailer mailer, Pages pages, Templates templates, SiteSettings site) {
        this.mailer = mailer;
        this.pages = pages;
        this.templates = templates;
        this.site = site;
    }

    /** The model of an account mail: a greeting, what happened, one link to follow, and a closing line. */
    public record AccountMail(Language language, String brand, String homeUrl, String greeting, List<String> paragraphs,
                              String actionLabel, String actionUrl, String closing) {
    }

    public void verification(String to, String displayName, Language language, String token) {
        send(to, language, "verify", displayName, link(language, "/verify/" + token));
    }

    public void alreadyRegistered(String to, String displayName, Language language) {
        send(to, language, "registered", displayName, link(language, "/password/forgot"));
    }

    public void passwordReset(String to, String displayName, Language language, String token) {
        send(to, language, "reset", displayName, link(language, "/password/reset/" + token));
    }

    /** Tells the owner that their address is being changed to {@code newEmail}; the link leads to a password reset. */
    public void addressChanging(String to, String displayName, Language language, String newEmail) {
        send(to, language, "addressChanging", displayName, link(language, "/password/forgot"), newEmail);
    }

    private void send(String to, Language language, String kind, String displayName, String actionUrl, Object... details) {
        Texts t = pages.texts(language);
        String prefix = "mail." + kind + ".";
        AccountMail mail = new AccountMail(language, t.get("site.name"), site.absolute(language.path("/")),
                t.get("mail.greeting", displayName), List.of(t.get(prefix + "intro", details), t.get(prefix + "note")),
                t.get(prefix + "action"), actionUrl, t.get("mail.closing"));
        String html = new String(templates.render("account/mail", mail), java.nio.charset.StandardCharsets.UTF_8);
        mailer.send(new Mail(to, t.get(prefix + "subject"), text(mail), html));
    }

    private static String text(AccountMail mail) {
        StringBuilder text = new StringBuilder(mail.greeting()).append("\n\n");
        for (String paragraph : mail.paragraphs()) {
            text.append(paragraph).append("\n\n");
        }
        text.append(mail.actionLabel()).append(":\n").append(mail.actionUrl()).append("\n\n");
        text.append(mail.closing()).append("\n").append(mail.brand()).append(" — ").append(mail.homeUrl()).append("\n");
        return text.toString();
    }

    private String link(Language language, String path) {
        return site.absolute(language.path(path));
    }
}
