package dev.newsdesk.account.web;

import dev.newsdesk.site.Csrf;

/** A form that asks only for an e-mail address (a new verification link, a password reset). */
public record EmailForm(Csrf csrf, String action, String label, String submit, String email) {
}
