package dev.newsdesk.account.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.account.Member;
import dev.newsdesk.account.internal.LoginPaths;
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

/** Signing up, confirming the address through the link mailed, and asking for a new link. */
@Controller
class SignUpController {

    private final Registry registry;
    private final AccountSettings settings;
    private final Pages pages;
    private final Templates templates;

    SignUpController(Registry registry, AccountSettings settings, Pages pages, Templates templates) {
        this.registry = registry;
        this.settings = settings;
        this.pages = pages;
        this.templates = templates;
    }

    @GetMapping({"/signup", "/en/signup"})
    ResponseEntity<byte[]> form(Language language, @RequestParam(required = false) String next, HttpServletRequest request) {
        return Forms.noStore(templates.page("account/form",
                form(language, LoginPaths.safe(next), null, null, Map.of(), request)));
    }

    @PostMapping({"/signup", "/en/signup"})
    ResponseEntity<byte[]> signUp(Language language, @RequestParam(defaultValue = "") String displayName,
                                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                                  @RequestParam(required = false) String next, HttpServletRequest request) {
        try {
            registry.signUp(displayName, email, password, language);
        } catch (AccountRejected rejected) {
            FormPage model = form(language, LoginPaths.safe(next), displayName, email,
                    rejected.messages(pages.texts(language)), request);
            return Forms.noStore(templates.page(HttpStatus.UNPROCESSABLE_CONTENT, "account/form", model));
        }
        Page page = page(language, "/signup", "signup.sent.title");
        return Forms.noStore(templates.page("account/notice", new Notice(page, page.t("signup.sent.title"),
                List.of(page.texts().get("signup.sent.message", email.strip()), page.t("signup.sent.spam")),
                List.of(new NavLink(page.t("signup.sent.home"), language.path("/"))), null)));
    }

    /**
     * The page a verification link opens: a button that confirms the address. Opening the link changes
     * nothing, so that a mail scanner following every link confirms no one's address.
     */
    @GetMapping({"/verify/{token}", "/en/verify/{token}"})
    ResponseEntity<byte[]> confirmForm(Language language, @PathVariable String token, HttpServletRequest request) {
        if (!registry.isVerificationLinkValid(token)) {
            return invalidLink(language, request);
        }
        Page page = page(language, "/verify", "verify.confirm.title");
        return Forms.noStore(templates.page("account/form", new FormPage(page, page.t("verify.confirm.title"),
                page.t("verify.confirm.intro"), Csrf.of(request), language.path("/verify"), List.of(),
                Forms.hidden("token", token), false, page.t("verify.confirm.submit"), Map.of(), null, List.of())));
    }

    @PostMapping({"/verify", "/en/verify"})
    ResponseEntity<byte[]> verify(Language language, @RequestParam(defaultValue = "") String token,
                                  HttpServletRequest request) {
        Optional<Member> verified = registry.verify(token);
        if (verified.isEmpty()) {
            return invalidLink(language, request);
        }
        Page page = page(language, "/verify", "verify.title");
        return Forms.noStore(templates.page("account/notice", new Notice(page, page.t("verify.done.title"),
                List.of(page.texts().get("verify.done.message", verified.get().email())),
                List.of(new NavLink(page.t("verify.done.login"), language.path("/login?notice=verified")),
                        new NavLink(page.t("signup.sent.home"), language.path("/"))), null)));
    }

    private ResponseEntity<byte[]> invalidLink(Language language, HttpServletRequest request) {
        Page page = page(language, "/verify", "verify.title");
        return Forms.noStore(templates.page(HttpStatus.GONE, "account/notice", new Notice(page,
                page.t("verify.invalid.title"), List.of(page.t("verify.invalid.message")), List.of(),
                new EmailForm(Csrf.of(request), language.path("/verify/resend"), page.t("form.email"),
                        page.t("verify.resend"), null))));
    }

    @PostMapping({"/verify/resend", "/en/verify/resend"})
    ResponseEntity<byte[]> resend(Language language, @RequestParam(defaultValue = "") String email) {
        registry.resendVerification(email);
        Page page = page(language, "/verify", "verify.resent.title");
        return Forms.noStore(templates.page("account/notice", new Notice(page, page.t("verify.resent.title"),
                List.of(page.texts().get("verify.resent.message", email.strip())),
                List.of(new NavLink(page.t("signup.sent.home"), language.path("/"))), null)));
    }

    private FormPage form(Language language, String next, String displayName, String email, Map<String, String> errors,
                          HttpServletRequest request) {
        Page page = pages.page(language, language.path("/signup")).title(pages.texts(language).get("signup.title"))
                .alternate(language.other(), language.other().path("/signup")).build();
        String suffix = next == null ? "" : "?next=" + LoginPaths.encode(next);
        return new FormPage(page, page.t("signup.title"), page.t("signup.intro"), Csrf.of(request),
                language.path("/signup"),
                List.of(FormField.input("displayName", page.t("form.displayName"), "text", displayName, "nickname",
                                page.t("form.displayName.help")),
                        FormField.input("email", page.t("form.email"), "email", email, "email", null),
                        FormField.input("password", page.t("form.password"), "password", null, "new-password",
                                page.texts().get("form.password.help", settings.minPasswordLength()))),
                Forms.hidden("next", next), false, page.t("signup.submit"), errors, null,
                List.of(new NavLink(page.t("signup.toLogin"), language.path("/login") + suffix)));
    }

    private Page page(Language language, String path, String titleKey) {
        return pages.page(language, language.path(path)).title(pages.texts(language).get(titleKey)).build();
    }
}
