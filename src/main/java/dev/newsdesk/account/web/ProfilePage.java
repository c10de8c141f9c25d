package dev.newsdesk.account.web;

import java.util.List;

import dev.newsdesk.site.Page;

/** A member's public profile: the name, since when, the staff roles, and an avatar drawn from the initials. */
public record ProfilePage(Page page, String displayName, String memberSince, List<String> roles, Avatar avatar) {
}
