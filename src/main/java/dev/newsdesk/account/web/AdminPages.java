package dev.newsdesk.account.web;

import java.util.List;

import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.NavLink;
import dev.newsdesk.site.Page;

/** The models of the admin area. */
public final class AdminPages {

    private AdminPages() {
    }

    /** The staff's start page: what each of their roles lets them do. */
    public record Home(Page page, List<NavLink> links, List<gg.jte.Content> desks, String note) {
    }

    /** Accounts, found by name or address, with their roles and bans to change. */
    public record Users(Page page, Csrf csrf, String searchAction, String query, List<UserRow> rows,
                        List<RoleOption> roleNames, NavLink newer, NavLink older, String notice, String error) {
    }

    /** One account in the list, with where its forms post. */
    public record UserRow(long id, String displayName, String email, String profileHref, String since, boolean verified,
                          String banReason, List<RoleOption> roles, String rolesAction, String banAction,
                          String unbanAction) {
    }

    /** A role and whether the account holds it. */
    public record RoleOption(String name, String label, boolean held) {
    }

    /** What staff did, newest first. */
    public record Audit(Page page, List<AuditRow> rows) {
    }

    public record AuditRow(String at, String actor, String target, String action, String detail) {
    }

    /** Mail that could not be delivered. */
    public record Mail(Page page, long pending, List<MailRow> rows) {
    }

    public record MailRow(String queued, String failed, String to, String subject, int attempts, String error) {
    }
}
