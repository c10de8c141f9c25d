package dev.newsdesk;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.newsdesk.account.Member;
import dev.newsdesk.account.Members;
import dev.newsdesk.account.Role;
import dev.newsdesk.account.internal.Accounts;
import dev.newsdesk.site.Language;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Makes members for tests straight in the database, and logs browsers in as them. */
@TestConfiguration(proxyBeanMethods = false)
public class TestMembers {

    public static final String PASSWORD = "Correct-horse-battery-42";

    private final Accounts accounts;
    private final Members members;
    private final PasswordEncoder encoder;

    TestMembers(Accounts accounts, Members members, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.members = members;
        this.encoder = encoder;
    }

    /** A verified member with {@link #PASSWORD} and {@code roles} besides MEMBER, named uniquely. */
    public Member create(Role... roles) {
        String name = TestNews.unique("member").replace("-", "");
        EnumSet<Role> held = EnumSet.of(Role.MEMBER);
        held.addAll(List.of(roles));
        long id = accounts.insert(name, name + "@example.org", encoder.encode(PASSWORD), Language.RU, Instant.now(),
                Instant.now(), held);
        return members.find(id).orElseThrow();
    }

    /** A browser logged in as {@code member} through the login form. */
    public static TestBrowser loggedIn(int port, Member member) {
        TestBrowser browser = new TestBrowser(port);
        HttpResponse<String> response = logIn(browser, member.email(), PASSWORD, false);
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("Could not log in as " + member.displayName() + ": " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        return browser;
    }

    public static HttpResponse<String> logIn(TestBrowser browser, String login, String password, boolean remember) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("login", login, "password", password));
        if (remember) {
            fields.put("remember", "true");
        }
        return browser.submit(browser.page("/login"), "form.account-form", fields);
    }
}
