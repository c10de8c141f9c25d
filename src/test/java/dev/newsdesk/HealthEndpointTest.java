package dev.newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.newsdesk.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What {@code /actuator/health} tells whom: the status to anyone, the components and details to admins. */
@NewsdeskTest
class HealthEndpointTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired DatabaseProbe database;
    @Autowired TestMembers members;
    @LocalServerPort int port;

    @Test
    void showsAnonymousCallersTheStatusAlone() {
        HttpResponse<String> response = new WebClient(port).get("/actuator/health");

        JsonNode health = JSON.readTree(response.body());
        assertThat(health.has("status")).isTrue();
        assertThat(names(health)).as("no components, no details").containsOnly("status", "groups");
        assertThat(response.body()).doesNotContain("diskSpace", "path", "db", "chores", "lastError");
    }

    @Test
    void answersAnonymousCallersWithNoStatementBesidesTheDatabasePing() {
        WebClient web = new WebClient(port);
        web.get("/actuator/health");
        database.reset();

        web.get("/actuator/health");

        assertThat(database.statementsFromRequests()).isEmpty();
    }

    @Test
    void showsMembersWhoAreNotAdminsTheStatusAlone() {
        TestBrowser editor = TestMembers.loggedIn(port, members.create(Role.EDITOR));

        JsonNode health = JSON.readTree(editor.get("/actuator/health").body());

        assertThat(names(health)).doesNotContain("components", "details");
    }

    @Test
    void showsAdminsEveryComponentWithItsDetails() {
        TestBrowser admin = TestMembers.loggedIn(port, members.create(Role.ADMIN));

        String body = admin.get("/actuator/health").body(); System.err.println("ADMINBODY " + body); System.err.println("ANONBODY " + new WebClient(port).get("/actuator/health").body());
        JsonNode components = JSON.readTree(body).get("components");

        assertThat(names(components)).contains("db", "diskSpace", "chores")
                // Boot's own mail indicator would connect to the SMTP server on every call, anyone's.
                .doesNotContain("mail");
        assertThat(names(components.get("chores").get("components")))
                .containsExactlyInAnyOrder("changeFollowing", "duePublishing", "viewFlushing", "mailDispatch");
        assertThat(components.get("diskSpace").get("details").has("path")).isTrue();
        assertThat(components.get("chores").get("components").get("mailDispatch").get("details").has("interval"))
                .isTrue();
    }

    @Test
    void keepsTheProbesForOrchestrators() {
        WebClient web = new WebClient(port);

        assertThat(web.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(web.get("/actuator/health/readiness").body()).get("status").asString())
                .isEqualTo("UP");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
