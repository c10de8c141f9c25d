package dev.newsdesk.account.web;

import java.util.List;
import java.util.Map;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.account.internal.FirstAdmin;
import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.FormField;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.PageNotFound;
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

/** The one-time page, reached through the link in the log, that creates the first administrator. */
@Controller
class SetupController {

    private final FirstAdmin firstAdmin;
    private final AccountSettings settings;
    private final Pages pages;
    private final Templates templates;

    SetupController(FirstAdmin firstAdmin, AccountSettings settings, Pages pages, Templates templates) {
        this.firstAdmin = firstAdmin;
        this.settings = settings;
        this.pages = pages;
        this.templates = templates;
    }

    @GetMapping("/setup/{token}")
    ResponseEntity<byte[]> form(@PathVariable String token, HttpServletRequest request) {
        if (!firstAdmin.isOpen(token)) {
            throw new PageNotFound("setup link");
        }
        return Forms.noStore(templates.page("account/form", form(token, null, null, Map.of(), request)));
    }

    @PostMapping("/setup/{token}")
    ResponseEntity<byte[]> create(@PathVariable String token, @RequestParam(defaultValue = "") String displayName,
                                  @RequestParam(defaultValue = "") String email,
                                  @RequestParam(defaultValue = "") String password, HttpServletRequest request) {
        try {
            if (!firstAdmin.create(token, displayName, email, password, Language.RU)) {
                throw new PageNotFound("setup link");
            }
        } catch (AccountRejected rejected) {
            return Forms.noStore(templates.page(HttpStatus.UNPROCESSABLE_CONTENT, "account/form",
                    form(token, displayName, email, rejected.messages(pages.texts(Language.RU)), request)));
        }
        return Forms.redirect("/login?next=/admin");
    }

    private FormPage form(String token, String displayName, String email, Map<String, String> errors,
                          HttpServletRequest request) {
        Page page = pages.page(Language.RU, "/setup").title(pages.texts(Language.RU).get("setup.title")).build();
        return new FormPage(page, page.t("setup.title"), page.t("setup.intro"), Csrf.of(request), "/setup/" + token,
                List.of(FormField.input("displayName", page.t("form.displayName"), "text", displayName, "nickname", null),
                        FormField.input("email", page.t("form.email"), "email", email, "email", null),
                        FormField.input("password", page.t("form.password"), "password", null, "new-password",
                                page.texts().get("form.password.help", settings.minPasswordLength()))),
                Map.of(), false, page.t("setup.submit"), errors, null, List.of());
    }
}
