package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import dev.newsdesk.DatabaseProbe;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMailbox;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import dev.newsdesk.account.internal.Accounts;
import dev.newsdesk.site.Language;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Whether an address has an account cannot be told from the answer to a reset or a new verification link,
 * nor from the time it takes: the request does the same work for any address, and the lookup, the link and
 * the mail happen afterwards, in the background.
 */
@NewsdeskTest
class EnumerationTest {

    @Autowired DatabaseProbe database;
    @Autowired GreenMail smtp;
    @Autowired TestMembers members;
    @Autowired Accounts accounts;
    @Autowired PasswordEncoder encoder;
    @LocalServerPort int port;

    @Test
    void aResetRequestDoesTheSameWorkForAKnownAndAnUnknownAddress() throws Exception {
        Member member = members.create();
        String unknown = TestNews.unique("nobody") + "@example.org";

        List<String> known = statements("/password/forgot", "/password/forgot", member.email());
        List<String> stranger = statements("/password/forgot", "/password/forgot", unknown);

        assertThat(known).isEqualTo(stranger);
        assertThat(new TestMailbox(smtp).await(member.email(), 1).getFirst().getSubject())
                .isEqualTo("Восстановление пароля");
    }

    @Test
    void aNewVerificationLinkIsAskedForWithTheSameWorkForAnyAddress() throws Exception {
        String name = TestNews.unique("pending").replace("-", "");
        String email = name + "@example.org";
        accounts.insert(name, email, encoder.encode(TestMembers.PASSWORD), Language.EN, Instant.now(), null,
                EnumSet.of(Role.MEMBER));
        String unknown = TestNews.unique("nobody") + "@example.org";

        List<String> known = statements("/en/verify/made-up-token", "/en/verify/resend", email);
        List<String> stranger = statements("/en/verify/made-up-token", "/en/verify/resend", unknown);

        assertThat(known).isEqualTo(stranger);
        assertThat(new TestMailbox(smtp).await(email, 1).getFirst().getSubject()).isEqualTo("Confirm your e-mail address");
    }

    /** The statements the request posting {@code email} to {@code action} made, the session's own left out. */
    private List<String> statements(String page, String action, String email) {
        TestBrowser browser = new TestBrowser(port);
        Document form = Jsoup.parse(browser.get(page).body(), "http://localhost:" + port + page);
        database.reset();
        HttpResponse<String> answer = browser.submit(form, "form[action='" + action + "']", Map.of("email", email));
        assertThat(answer.statusCode()).isEqualTo(200);
        // The session is saved as the response goes out, so its statements may or may not be in yet.
        return database.statementsFromRequests().stream()
                .filter(sql -> !sql.toLowerCase(Locale.ROOT).contains("spring_session")).toList();
    }
}
