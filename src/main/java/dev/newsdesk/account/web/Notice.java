package dev.newsdesk.account.web;

import java.util.List;

import dev.newsdesk.site.NavLink;
import dev.newsdesk.site.Page;

/**
 * A page that tells the reader what happened ("look in your mailbox", "the link no longer works"), with
 * links onwards and, optionally, a form asking for an e-mail address again.
 */
public record Notice(Page page, String heading, List<String> paragraphs, List<NavLink> links, EmailForm form) {
}
