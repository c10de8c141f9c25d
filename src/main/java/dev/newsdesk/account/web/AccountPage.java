package dev.newsdesk.account.web;

import java.util.List;
import java.util.Map;

import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;

/**
 * The member's own page: who they are, the forms to change name, address and password, and the sessions
 * they are logged in with.
 *
 * @param errors what is wrong with the form last posted, per field
 * @param notice what the last action did
 */
public record AccountPage(Page page, Csrf csrf, Actions actions, String displayName, String email, boolean verified,
                          String memberSince, String profileHref, List<String> roles, int minPasswordLength,
                          List<SessionRow> sessions, Map<String, String> errors, String notice, String displayNameValue,
                          String emailValue) {

    /** Where each of the page's forms posts, in the page's language. */
    public record Actions(String verify, String name, String email, String password, String logoutEverywhere) {

        public static Actions in(Language language) {
            return new Actions(language.path("/account/verify"), language.path("/account/name"),
                    language.path("/account/email"), language.path("/account/password"),
                    language.path("/account/logout-everywhere"));
        }
    }

    /** A session: where and when, and whether it is the one showing this page. */
    public record SessionRow(String device, String address, String started, String lastSeen, boolean current) {
    }

    public String error(String field) {
        return errors.get(field);
    }
}
