package dev.newsdesk.account.web;

import dev.newsdesk.account.Member;
import dev.newsdesk.account.Members;
import dev.newsdesk.account.internal.LoginPaths;
import dev.newsdesk.site.Csrf;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.PageSection;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.Templates;
import dev.newsdesk.site.Texts;
import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What accounts put on every page: "Log in" for guests, or the member's name with their menu (and the
 * admin area for staff) in the header; under an article, the invitation to register or log in. For a guest
 * both come from memory alone.
 */
public final class AccountSections {

    private AccountSections() {
    }

    /** The header: a guest's way in, or a member's menu. */
    @Component
    static class Header implements PageSection {

        private final Members members;
        private final Pages pages;
        private final Templates templates;

        Header(Members members, Pages pages, Templates templates) {
            this.members = members;
            this.pages = pages;
            this.templates = templates;
        }

        @Override
        public Slot slot() {
            return Slot.HEADER_TOOLS;
        }

        @Override
        public Content render(SectionContext context) {
            Language language = context.language();
            Texts t = pages.texts(language);
            if (members.currentId().isEmpty()) {
                String login = language.path("/login");
                return templates.content("account/guest-menu", new GuestMenu(t.get("menu.login"),
                        LoginPaths.isAccountFlow(context.path()) ? login : login + "?next=" + LoginPaths.encode(context.path())));
            }
            Member member = members.current().orElse(null);
            if (member == null) {
                return null;
            }
            return templates.content("account/member-menu", new MemberMenu(member.displayName(),
                    Avatar.of(member.id(), member.displayName()), t.get("menu.label"), t.get("menu.account"),
                    language.path("/account"), t.get("menu.profile"), member.profilePath(language),
                    member.isStaff() ? t.get("menu.admin") : null, language.path("/admin"), t.get("menu.logout"),
                    language.code(), csrf()));
        }
    }

    /** Under an article: the way to take part in the discussion. */
    @Component
    static class UnderArticle implements PageSection {

        private final Members members;
        private final Pages pages;
        private final Templates templates;

        UnderArticle(Members members, Pages pages, Templates templates) {
            this.members = members;
            this.pages = pages;
            this.templates = templates;
        }

        @Override
        public Slot slot() {
            return Slot.UNDER_ARTICLE;
        }

        @Override
        public Content render(SectionContext context) {
            Language language = context.language();
            Texts t = pages.texts(language);
            if (members.currentId().isPresent()) {
                return members.current().filter(member -> !member.verified())
                        .map(member -> templates.content("account/join-prompt", new JoinPrompt(
                                t.get("join.unverified"), null, null, t.get("join.unverifiedLink"), language.path("/account"))))
                        .orElse(null);
            }
            String next = "?next=" + LoginPaths.encode(context.path());
            return templates.content("account/join-prompt", new JoinPrompt(t.get("join.question"),
                    t.get("join.register"), language.path("/signup") + next, t.get("join.login"),
                    language.path("/login") + next));
        }
    }

    private static Csrf csrf() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            // An error page for a request refused before the security filters has no token: no logout button then.
            return request.getAttribute(CsrfToken.class.getName()) == null ? null : Csrf.of(request);
        }
        return null;
    }

    /** The header link of a guest. */
    public record GuestMenu(String label, String href) {
    }

    /** The header menu of a member; {@code adminLabel} is null for members who are not staff. */
    public record MemberMenu(String name, Avatar avatar, String menuLabel, String accountLabel, String accountHref,
                             String profileLabel, String profileHref, String adminLabel, String adminHref,
                             String logoutLabel, String language, Csrf csrf) {
    }

    /** "Do you want to leave a comment? Register and/or Log in" (or, for an unverified member, confirm the address first). */
    public record JoinPrompt(String question, String registerLabel, String registerHref, String loginLabel,
                             String loginHref) {
    }
}
