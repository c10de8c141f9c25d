package dev.newsdesk.account.web;

import java.util.List;
import java.util.Map;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.account.internal.Registry;
import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.FormField;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.NavLink;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.Templates;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": asking for a reset link, and setting a new password through it. */
@Controller
class PasswordController {

    private final Registry registry;
    private final AccountSettings settings;
    private final Pages pages;
    private final Templates templates;

    PasswordController(Registry registry, AccountSettings settings, Pages pages, Templates templates) {
        this.registry = registry;
        this.settings = settings;
        this.pages = pages;
        this.templates = templates;
    }

    @GetMapping({"/password/forgot", "/en/password/forgot"})
    ResponseEntity<byte[]> forgot(Language language, HttpServletRequest request) {
        Page page = page(language, "/password/forgot", "forgot.title");
        return Forms.noStore(templates.page("account/notice", new Notice(page, page.t("forgot.title"),
                List.of(page.t("forgot.intro")), List.of(new NavLink(page.t("signup.toLogin"), language.path("/login"))),
                new EmailForm(Csrf.of(request), language.path("/password/forgot"), page.t("form.email"),
                        page.t("forgot.submit"), null))));
    }

    @PostMapping({"/password/forgot", "/en/password/forgot"})
    ResponseEntity<byte[]> requestReset(Language language, @RequestParam(defaultValue = "") String email) {
        registry.requestReset(email);
        Page page = page(language, "/password/forgot", "forgot.sent.title");
        return Forms.noStore(templates.page("account/notice", new Notice(page, page.t("forgot.sent.title"),
                List.of(page.texts().get("forgot.sent.message", email.strip()), page.t("signup.sent.spam")),
                List.of(new NavLink(page.t("signup.sent.home"), language.path("/"))), null)));
    }

    @GetMapping({"/password/reset/{token}", "/en/password/reset/{token}"})
    ResponseEntity<byte[]> resetForm(Language language, @PathVariable String token, HttpServletRequest request) {
        if (!registry.isResetLinkValid(token)) {
            return invalid(language);
        }
        return Forms.noStore(templates.page("account/form", form(language, token, Map.of(), request)));
    }

    @PostMapping({"/password/reset/{token}", "/en/password/reset/{token}"})
    ResponseEntity<byte[]> reset(Language language, @PathVariable String token,
                                 @RequestParam(defaultValue = "") String password, HttpServletRequest request) {
        try {
            if (!registry.resetPassword(token, password)) {
                return invalid(language);
            }
        } catch (AccountRejected rejected) {
            return Forms.noStore(templates.page(HttpStatus.UNPROCESSABLE_CONTENT, "account/form",
                    form(language, token, rejected.messages(pages.texts(language)), request)));
        }
        // The session this request came with (if any) was ended with all the others.
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return Forms.redirect(language.path("/login?notice=reset"));
    }

    private ResponseEntity<byte[]> invalid(Language language) {
        Page page = page(language, "/password/forgot", "reset.invalid.title");
        return Forms.noStore(templates.page(HttpStatus.GONE, "account/notice", new Notice(page,
                page.t("reset.invalid.title"), List.of(page.t("reset.invalid.message")),
                List.of(new NavLink(page.t("reset.invalid.again"), language.path("/password/forgot"))), null)));
    }

    private FormPage form(Language language, String token, Map<String, String> errors, HttpServletRequest request) {
        Page page = page(language, "/password/reset", "reset.title");
        return new FormPage(page, page.t("reset.title"), page.t("reset.intro"), Csrf.of(request),
                language.path("/password/reset/" + token),
                List.of(FormField.input("password", page.t("form.newPassword"), "password", null, "new-password",
                        page.texts().get("form.password.help", settings.minPasswordLength()))),
                Map.of(), false, page.t("reset.submit"), errors, null, List.of());
    }

    private Page page(Language language, String path, String titleKey) {
        return pages.page(language, language.path(path)).title(pages.texts(language).get(titleKey)).build();
    }
}
