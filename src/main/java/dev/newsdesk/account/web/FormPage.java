package dev.newsdesk.account.web;

import java.util.List;
import java.util.Map;

import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.FormField;
import dev.newsdesk.site.NavLink;
import dev.newsdesk.site.Page;

/**
 * A page with one form: log in, sign up, set a new password, create the first administrator.
 *
 * @param fields the fields in order, with the values to show again after a refusal (never a password)
 * @param errors what is wrong, per field name ({@code "form"} for the form as a whole), in the page's language
 * @param hidden hidden fields (the language, where to go next)
 * @param remember whether to offer "remember me"
 */
public record FormPage(Page page, String heading, String intro, Csrf csrf, String action, List<FormField> fields,
                       Map<String, String> hidden, boolean remember, String submit, Map<String, String> errors,
                       String notice, List<NavLink> links) {


    public String error(String field) {
        return errors.get(field);
    }
}
