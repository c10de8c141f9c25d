package dev.newsdesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import dev.newsdesk.site.AccessRule;
import org.junit.jupiter.api.Test;

/** What the security configuration accepts of the rules modules declare. */
class AccessRuleCheckTest {

    @Test
    void ordersTheMostSpecificPathFirst() {
        List<AccessRule> rules = SecurityConfiguration.checked(List.of(AccessRule.loggedIn("/account"),
                AccessRule.roles("/admin/users", "ADMIN"), AccessRule.roles("/admin/users/audit", "ADMIN")));

        assertThat(rules).extracting(AccessRule::path).containsExactly("/admin/users/audit", "/admin/users", "/account");
    }

    @Test
    void coversBothLanguagesFromOnePath() {
        assertThat(AccessRule.roles("/admin/sources", "EDITOR").patterns()).containsExactly("/admin/sources",
                "/admin/sources/**", "/en/admin/sources", "/en/admin/sources/**");
    }

    @Test
    void refusesRulesThatWouldOpenTheAdminAreaToMembers() {
        assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.checked(List.of(
                AccessRule.loggedIn("/admin/comments"))));
        assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.checked(List.of(
                AccessRule.roles("/admin/comments", "MEMBER"))));
    }

    @Test
    void refusesUnknownRolesAndPathsDeclaredTwice() {
        assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.checked(List.of(
                AccessRule.roles("/admin/comments", "EDITORS"))));
        assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.checked(List.of(
                AccessRule.roles("/admin/x", "ADMIN"), AccessRule.roles("/admin/x", "EDITOR"))));
    }

    @Test
    void refusesPathsWithPatternsOrALanguagePrefix() {
        assertThatIllegalArgumentException().isThrownBy(() -> AccessRule.loggedIn("/admin/**"));
        assertThatIllegalArgumentException().isThrownBy(() -> AccessRule.loggedIn("/en/account"));
        assertThatIllegalArgumentException().isThrownBy(() -> AccessRule.loggedIn("account"));
    }
}
