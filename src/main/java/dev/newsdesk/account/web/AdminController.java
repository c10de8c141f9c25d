package dev.newsdesk.account.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.Member;
import dev.newsdesk.account.Members;
import dev.newsdesk.account.Role;
import dev.newsdesk.account.internal.Accounts;
import dev.newsdesk.account.internal.Staff;
import dev.newsdesk.mail.Mailer;
import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.NavLink;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.PageSection;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.SiteTime;
import dev.newsdesk.site.Templates;
import dev.newsdesk.site.Texts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin area: the staff's start page, and for administrators the accounts (roles, bans), the audit
 * log and undeliverable mail. Who may open what is decided by the security configuration.
 */
@Controller
class AdminController {

    static final int PAGE = 50;

    private final Members members;
    private final Staff staff;
    private final Mailer mailer;
    private final Pages pages;
    private final SiteTime time;
    private final Templates templates;

    AdminController(Members members, Staff staff, Mailer mailer, Pages pages, SiteTime time, Templates templates) {
        this.members = members;
        this.staff = staff;
        this.mailer = mailer;
        this.pages = pages;
        this.time = time;
        this.templates = templates;
    }

    @GetMapping({"/admin", "/en/admin"})
    ResponseEntity<byte[]> home(Language language) {
        Member me = members.current().orElseThrow();
        Page page = page(language, "/admin", "admin.title");
        List<NavLink> links = new ArrayList<>();
        if (me.has(Role.ADMIN)) {
            links.add(new NavLink(page.t("admin.users.title"), language.path("/admin/users")));
            links.add(new NavLink(page.t("admin.audit.title"), language.path("/admin/audit")));
            links.add(new NavLink(page.t("admin.mail.title"), language.path("/admin/mail")));
        }
        List<gg.jte.Content> desks = pages.sections(PageSection.Slot.ADMIN_HOME,
                new PageSection.SectionContext(language, language.path("/admin"), null));
        String note = links.isEmpty() && desks.isEmpty() ? page.t("admin.comingSoon") : null;
        return Forms.noStore(templates.page("account/admin-home", new AdminPages.Home(page, links, desks, note)));
    }

    @GetMapping({"/admin/users", "/en/admin/users"})
    ResponseEntity<byte[]> users(Language language, @RequestParam(defaultValue = "") String q,
                                 @RequestParam(defaultValue = "1") int p, @RequestParam(required = false) String done,
                                 @RequestParam(required = false) String error, HttpServletRequest request) {
        Page page = page(language, "/admin/users", "admin.users.title");
        Texts t = page.texts();
        int number = Math.max(1, p);
        List<Accounts.Account> found = staff.search(q, (number - 1) * PAGE, PAGE + 1);
        List<AdminPages.UserRow> rows = found.stream().limit(PAGE).map(account -> {
            String user = language.path("/admin/users/" + account.id());
            return new AdminPages.UserRow(account.id(), account.displayName(), account.email(),
                    account.member().profilePath(language), time.date(account.createdAt(), language),
                    account.verifiedAt() != null, account.banReason(), roleOptions(account.roles(), t), user + "/roles",
                    user + "/ban", user + "/unban");
        }).toList();
        String base = language.path("/admin/users") + "?q=" + dev.newsdesk.account.internal.LoginPaths.encode(q) + "&p=";
        return Forms.noStore(templates.page("account/admin-users", new AdminPages.Users(page, Csrf.of(request),
                language.path("/admin/users"), q, rows,
                roleOptions(Set.of(), t), number > 1 ? new NavLink(t.get("pagination.newer"), base + (number - 1)) : null,
                found.size() > PAGE ? new NavLink(t.get("pagination.older"), base + (number + 1)) : null,
                done == null ? null : t.getOrDefault("admin.done." + done, null),
                error == null ? null : t.getOrDefault(error, null))));
    }

    @PostMapping({"/admin/users/{id}/roles", "/en/admin/users/{id}/roles"})
    ResponseEntity<byte[]> roles(Language language, @PathVariable long id,
                                 @RequestParam(name = "role", required = false) List<String> roles) {
        Set<Role> granted = EnumSet.of(Role.MEMBER);
        if (roles != null) {
            roles.stream().filter(name -> EnumSet.allOf(Role.class).stream().anyMatch(r -> r.name().equals(name)))
                    .map(Role::valueOf).forEach(granted::add);
        }
        return act(language, "roles", () -> staff.setRoles(me(), id, granted));
    }

    @PostMapping({"/admin/users/{id}/ban", "/en/admin/users/{id}/ban"})
    ResponseEntity<byte[]> ban(Language language, @PathVariable long id, @RequestParam(defaultValue = "") String reason) {
        return act(language, "ban", () -> staff.ban(me(), id, reason));
    }

    @PostMapping({"/admin/users/{id}/unban", "/en/admin/users/{id}/unban"})
    ResponseEntity<byte[]> unban(Language language, @PathVariable long id) {
        return act(language, "unban", () -> staff.unban(me(), id));
    }

    @GetMapping({"/admin/audit", "/en/admin/audit"})
    ResponseEntity<byte[]> audit(Language language) {
        Page page = page(language, "/admin/audit", "admin.audit.title");
        List<AdminPages.AuditRow> rows = staff.audit(200).stream().map(entry -> new AdminPages.AuditRow(
                time.full(entry.at(), language), entry.actor(), entry.target(),
                page.texts().getOrDefault("admin.action." + entry.action(), entry.action()), entry.detail())).toList();
        return Forms.noStore(templates.page("account/admin-audit", new AdminPages.Audit(page, rows)));
    }

    @GetMapping({"/admin/mail", "/en/admin/mail"})
    ResponseEntity<byte[]> mail(Language language) {
        Page page = page(language, "/admin/mail", "admin.mail.title");
        List<AdminPages.MailRow> rows = mailer.failures(200).stream().map(failed -> new AdminPages.MailRow(
                time.full(failed.queuedAt(), language), time.full(failed.failedAt(), language), failed.to(),
                failed.subject(), failed.attempts(), failed.lastError())).toList();
        return Forms.noStore(templates.page("account/admin-mail", new AdminPages.Mail(page, mailer.pending(), rows)));
    }

    private ResponseEntity<byte[]> act(Language language, String done, Runnable action) {
        try {
            action.run();
        } catch (AccountRejected rejected) {
            return Forms.redirect(language.path("/admin/users") + "?error=" + rejected.problems().values().iterator().next());
        }
        return Forms.redirect(language.path("/admin/users") + "?done=" + done);
    }

    private long me() {
        return members.currentId().orElseThrow();
    }

    private static List<AdminPages.RoleOption> roleOptions(Set<Role> held, Texts t) {
        return EnumSet.complementOf(EnumSet.of(Role.MEMBER)).stream()
                .map(role -> new AdminPages.RoleOption(role.name(), t.get("role." + role.name()), held.contains(role)))
                .toList();
    }

    private Page page(Language language, String path, String titleKey) {
        return pages.page(language, language.path(path)).title(pages.texts(language).get(titleKey))
                .alternate(language.other(), language.other().path(path)).build();
    }
}
