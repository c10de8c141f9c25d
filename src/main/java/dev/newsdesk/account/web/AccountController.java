package dev.newsdesk.account.web;

import java.util.List;
import java.util.Map;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.account.Member;
import dev.newsdesk.account.Members;
import dev.newsdesk.account.internal.MemberSessions;
import dev.newsdesk.account.internal.Registry;
import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.SiteTime;
import dev.newsdesk.site.Templates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The member's account page and its forms. Only for a logged-in member (see the security configuration). */
@Controller
class AccountController {

    private final Members members;
    private final Registry registry;
    private final MemberSessions sessions;
    private final AccountSettings settings;
    private final Pages pages;
    private final SiteTime time;
    private final Templates templates;

    AccountController(Members members, Registry registry, MemberSessions sessions, AccountSettings settings, Pages pages,
                      SiteTime time, Templates templates) {
        this.members = members;
        this.registry = registry;
        this.sessions = sessions;
        this.settings = settings;
        this.pages = pages;
        this.time = time;
        this.templates = templates;
    }

    @GetMapping({"/account", "/en/account"})
    ResponseEntity<byte[]> account(Language language, @RequestParam(required = false) String done,
                                   HttpServletRequest request) {
        Member member = members.current().orElseThrow();
        String notice = done == null ? null : pages.texts(language).getOrDefault("account.done." + done, null);
        return page(language, member, Map.of(), notice, null, null, request, HttpStatus.OK);
    }

    @PostMapping({"/account/name", "/en/account/name"})
    ResponseEntity<byte[]> changeName(Language language, @RequestParam(defaultValue = "") String displayName,
                                      HttpServletRequest request) {
        Member member = members.current().orElseThrow();
        try {
            registry.changeDisplayName(member.id(), displayName);
        } catch (AccountRejected rejected) {
            return refused(language, member, rejected, displayName, null, request);
        }
        return Forms.redirect(language.path("/account?done=name"));
    }

    @PostMapping({"/account/email", "/en/account/email"})
    ResponseEntity<byte[]> changeEmail(Language language, @RequestParam(defaultValue = "") String email,
                                       @RequestParam(defaultValue = "") String currentPassword, HttpServletRequest request) {
        Member member = members.current().orElseThrow();
        try {
            registry.requestEmailChange(member.id(), currentPassword, email);
        } catch (AccountRejected rejected) {
            return refused(language, member, rejected, null, email, request);
        }
        return Forms.redirect(language.path("/account?done=email"));
    }

    @PostMapping({"/account/password", "/en/account/password"})
    ResponseEntity<byte[]> changePassword(Language language, @RequestParam(defaultValue = "") String currentPassword,
                                          @RequestParam(defaultValue = "") String newPassword, HttpServletRequest request) {
        Member member = members.current().orElseThrow();
        try {
            registry.changePassword(member.id(), currentPassword, newPassword, request.getSession().getId());
        } catch (AccountRejected rejected) {
            return refused(language, member, rejected, null, null, request);
        }
        return Forms.redirect(language.path("/account?done=password"));
    }

    @PostMapping({"/account/verify", "/en/account/verify"})
    ResponseEntity<byte[]> resendVerification(Language language) {
        members.current().ifPresent(member -> registry.resendVerification(member.email()));
        return Forms.redirect(language.path("/account?done=verify"));
    }

    /** Ends every session and remember-me token of the member, this one included. */
    @PostMapping({"/account/logout-everywhere", "/en/account/logout-everywhere"})
    ResponseEntity<byte[]> logOutEverywhere(Language language, HttpServletRequest request) {
        members.currentId().ifPresent(id -> sessions.endAllBut(id, null));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Forms.redirect(language.path("/login?notice=everywhere"));
    }

    private ResponseEntity<byte[]> refused(Language language, Member member, AccountRejected rejected, String name,
                                           String email, HttpServletRequest request) {
        return page(language, member, rejected.messages(pages.texts(language)), null, name, email, request,
                HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ResponseEntity<byte[]> page(Language language, Member member, Map<String, String> errors, String notice,
                                        String name, String email, HttpServletRequest request, HttpStatus status) {
        Page page = pages.page(language, language.path("/account")).title(pages.texts(language).get("account.title"))
                .alternate(language.other(), language.other().path("/account")).build();
        String current = request.getSession().getId();
        List<AccountPage.SessionRow> rows = sessions.of(member.id()).stream()
                .map(session -> new AccountPage.SessionRow(session.device() == null ? page.t("account.sessions.unknown")
                        : session.device(), session.address(), time.full(session.started(), language),
                        time.full(session.lastSeen(), language), session.id().equals(current)))
                .toList();
        List<String> roles = member.roles().stream().sorted().map(role -> page.t("role." + role.name())).toList();
        AccountPage model = new AccountPage(page, Csrf.of(request), AccountPage.Actions.in(language),
                member.displayName(), member.email(), member.verified(),
                time.date(member.memberSince(), language), member.profilePath(language), roles,
                settings.minPasswordLength(), rows, errors, notice, name == null ? member.displayName() : name, email);
        return Forms.noStore(templates.page(status, "account/account", model));
    }
}
