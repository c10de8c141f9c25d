package dev.newsdesk.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may open a module's pages: a module declares one bean of this type for each path it guards, and the
 * site's security applies whatever the modules declare. A path covers itself and everything under it, in
 * every language of the site ({@code /admin/sources} also guards {@code /en/admin/sources/12/edit}).
 *
 * @param path a site path without a language prefix, such as {@code /admin/sources}
 * @param roles the names of the roles that open it, any one of them; empty for any logged-in member
 */
public record AccessRule(String path, Set<String> roles) {

    public AccessRule {
        if (path == null || !path.matches("(/[a-z0-9-]+)+") || Language.ofPath(path) != Language.RU) {
            throw new IllegalArgumentException("An access rule needs a plain site path without a language prefix: " + path);
        }
        roles = Set.copyOf(roles);
    }

    /** The pages under {@code path} open to any logged-in member. */
    public static AccessRule loggedIn(String path) {
        return new AccessRule(path, Set.of());
    }

    /** The pages under {@code path} open to members who hold any of {@code roles}. */
    public static AccessRule roles(String path, String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("Name at least one role for " + path);
        }
        return new AccessRule(path, Set.of(roles));
    }

    /** The request path patterns the rule covers, in every language. */
    public List<String> patterns() {
        List<String> patterns = new ArrayList<>();
        for (Language language : Language.values()) {
            patterns.add(language.path(path));
            patterns.add(language.path(path) + "/**");
        }
        return patterns;
    }
}
