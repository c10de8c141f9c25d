package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Modules declare who may open their pages, and the site's security applies what they declare. */
@ClockedPortal
class AccessRulesTest {

    @Autowired TestMembers members;
    @LocalServerPort int port;

    @Test
    void aModulesRuleOpensItsPagesToTheRolesItNamesOnly() {
        TestBrowser moderator = TestMembers.loggedIn(port, members.create(Role.MODERATOR));
        assertThat(moderator.get("/admin/test-desk").statusCode()).as("open, though there is no such page").isEqualTo(404);
        assertThat(moderator.get("/en/admin/test-desk/7/edit").statusCode()).as("in English, below it").isEqualTo(404);

        for (Role role : new Role[] {Role.EDITOR, Role.ADMIN}) {
            TestBrowser staff = TestMembers.loggedIn(port, members.create(role));
            assertThat(staff.get("/admin/test-desk").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(staff.get("/en/admin/test-desk/7").statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(new TestBrowser(port).get("/admin/test-desk").headers().firstValue("Location"))
                .hasValue("/login?next=%2Fadmin%2Ftest-desk");
    }

    @Test
    void theSourceDeskFollowsTheRuleOfIngest() {
        assertThat(TestMembers.loggedIn(port, members.create(Role.MODERATOR)).get("/admin/sources").statusCode())
                .isEqualTo(403);
        assertThat(TestMembers.loggedIn(port, members.create(Role.EDITOR)).get("/en/admin/sources").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUndeclaredAdminPathStillNeedsStaff() {
        assertThat(new TestBrowser(port).get("/admin/no-such-desk").statusCode()).isEqualTo(302);
        assertThat(TestMembers.loggedIn(port, members.create()).get("/admin/no-such-desk").statusCode()).isEqualTo(403);
        assertThat(TestMembers.loggedIn(port, members.create()).get("/en/admin/no-such-desk/1").statusCode()).isEqualTo(403);
        assertThat(TestMembers.loggedIn(port, members.create(Role.EDITOR)).get("/admin/no-such-desk").statusCode())
                .isEqualTo(404);
    }
}
