package dev.newsdesk.ingest.web;

import dev.newsdesk.site.PageSection;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.Templates;
import gg.jte.Content;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Puts "Sources and feeds" on the staff's start page for editors and administrators. */
@Component
class IngestDesk implements PageSection {

    private final Pages pages;
    private final Templates templates;

    IngestDesk(Pages pages, Templates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public Slot slot() {
        return Slot.ADMIN_HOME;
    }

    @Override
    public Content render(SectionContext context) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean editor = who != null && who.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_EDITOR") || a.getAuthority().equals("ROLE_ADMIN"));
        if (!editor) {
            return null;
        }
        return templates.content("ingest/desk-link", new dev.newsdesk.site.NavLink(
                pages.texts(context.language()).get("desk.title"), context.language().path("/admin/sources")));
    }
}
