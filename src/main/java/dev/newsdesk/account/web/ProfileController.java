package dev.newsdesk.account.web;

import dev.newsdesk.account.Member;
import dev.newsdesk.account.Members;
import dev.newsdesk.account.Role;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.PageNotFound;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.SiteTime;
import dev.newsdesk.site.Templates;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Public profiles at {@code /user/{id}}. A banned member's profile is not shown. */
@Controller
class ProfileController {

    private final Members members;
    private final Pages pages;
    private final SiteTime time;
    private final Templates templates;

    ProfileController(Members members, Pages pages, SiteTime time, Templates templates) {
        this.members = members;
        this.pages = pages;
        this.time = time;
        this.templates = templates;
    }

    @GetMapping({"/user/{id:\\d{1,18}}", "/en/user/{id:\\d{1,18}}"})
    ResponseEntity<byte[]> profile(@PathVariable long id, Language language) {
        Member member = members.find(id).filter(found -> !found.isBanned())
                .orElseThrow(() -> new PageNotFound("member " + id));
        Page page = pages.page(language, member.profilePath(language)).title(member.displayName())
                .description(pages.texts(language).get("profile.description", member.displayName()))
                .alternate(language.other(), member.profilePath(language.other())).build();
        ProfilePage model = new ProfilePage(page, member.displayName(), time.date(member.memberSince(), language),
                member.roles().stream().filter(Role::isStaff).sorted().map(role -> page.t("role." + role.name())).toList(),
                Avatar.of(member.id(), member.displayName()));
        return templates.page("account/profile", model);
    }
}
