package dev.newsdesk.account.web;

import java.util.List;

import dev.newsdesk.account.internal.Accounts;
import dev.newsdesk.account.internal.BanNotice;
import dev.newsdesk.account.internal.LoginPaths;
import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.FormField;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.NavLink;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.Templates;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form; Spring Security handles what it posts (see {@code SecurityConfiguration}). */
@Controller
class LoginController {

    private final Pages pages;
    private final Templates templates;
    private final Accounts accounts;
    private final BanNotice banNotice;

    LoginController(Pages pages, Templates templates, Accounts accounts, BanNotice banNotice) {
        this.pages = pages;
        this.templates = templates;
        this.accounts = accounts;
        this.banNotice = banNotice;
    }

    @GetMapping({"/login", "/en/login"})
    ResponseEntity<byte[]> login(Language language, @RequestParam(required = false) String next,
                                 @RequestParam(required = false) String error,
                                 @RequestParam(required = false) String notice, HttpServletRequest request) {
        String back = LoginPaths.safe(next);
        Page page = pages.page(language, language.path("/login")).title(pages.texts(language).get("login.title"))
                .alternate(language.other(), language.other().path("/login")).build();
        String message = error == null ? null : "banned".equals(error) ? banMessage(page, request) : page.t("login.error");
        String noticeText = notice == null ? null : switch (notice) {
            case "reset" -> page.t("login.notice.reset");
            case "verified" -> page.t("login.notice.verified");
            case "everywhere" -> page.t("login.notice.everywhere");
            default -> null;
        };
        String suffix = back == null ? "" : "?next=" + LoginPaths.encode(back);
        FormPage model = new FormPage(page, page.t("login.title"), null, Csrf.of(request), "/login",
                List.of(FormField.input("login", page.t("login.login"), "text", null, "username", null),
                        FormField.input("password", page.t("login.password"), "password", null, "current-password", null)),
                Forms.hidden("language", language.code(), "next", back), true, page.t("login.submit"),
                message == null ? java.util.Map.of() : java.util.Map.of("form", message), noticeText,
                List.of(new NavLink(page.t("login.toSignUp"), language.path("/signup") + suffix),
                        new NavLink(page.t("login.toForgot"), language.path("/password/forgot"))));
        return Forms.noStore(templates.page("account/form", model));
    }

    /** "Your account is banned: <reason>", told only after the right password was given. */
    private String banMessage(Page page, HttpServletRequest request) {
        String reason = banNotice.read(request).flatMap(accounts::findByLogin).map(Accounts.Account::banReason).orElse(null);
        return reason == null ? page.t("login.error") : page.texts().get("login.banned", reason);
    }
}
