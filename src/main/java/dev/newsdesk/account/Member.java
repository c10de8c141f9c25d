package dev.newsdesk.account;

import java.time.Instant;
import java.util.Set;

import dev.newsdesk.site.Language;

/**
 * A registered person as other modules see them.
 *
 * @param verified whether the e-mail address has been confirmed (needed to comment and vote)
 * @param banReason why the member is banned, null when they are not
 */
public record Member(long id, String displayName, String email, Language language, Set<Role> roles, boolean verified,
                     String banReason, Instant memberSince) {

    public boolean isBanned() {
        return banReason != null;
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The site path of the member's public profile in {@code language}. */
    public String profilePath(Language in) {
        return in.path("/user/" + id);
    }
}
