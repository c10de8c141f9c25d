package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import dev.newsdesk.account.Member;
import dev.newsdesk.account.Role;
import dev.newsdesk.account.internal.Tokens;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Source;
import dev.newsdesk.ingest.FeedDesk;
import dev.newsdesk.ingest.FeedForm;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every form of the site, each field in turn, given what no form should have to take: nothing, too much, a
 * megabyte, control characters and NUL, bytes that are not UTF-8, a right-to-left override. The site answers
 * each with a page (a refusal, a redirect), never with a server error, and a refused form changes nothing that
 * was saved. The other fields carry good values, so that the hostile one gets as far as it can.
 */
@NewsdeskTest
class HostileInputTest {

    /** Hostile values, already form-encoded: some could not be encoded from a Java string at all. */
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("empty", "");
        HOSTILE.put("long", encode("ж".repeat(5000)));
        HOSTILE.put("a megabyte", "a".repeat(1024 * 1024));
        HOSTILE.put("control characters and NUL", encode("\u0000x\u0001\u0007\u001b[31m\u007f\u0085"));
        HOSTILE.put("invalid UTF-8", "%C3%28%FF%FEabc%80%ED%A0%80");
        HOSTILE.put("broken percent-encoding", "%G1%");
        HOSTILE.put("right-to-left override", encode("\u202Egnp.exe\u202C Name"));
    }

    @Autowired TestMembers members;
    @Autowired TestNews news;
    @Autowired Tokens tokens;
    @Autowired FeedDesk feeds;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private final AtomicInteger client = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();

    @Test
    void noFormAnswersHostileInputWithAServerErrorOrLosesWhatWasSaved() {
        Member owner = members.create();
        Member target = members.create();
        Rubric rubric = news.rubric();
        Source source = news.foreignSource();
        long feed = feeds.subscribe(source.id(), new FeedForm("http://127.0.0.1:9/" + TestNews.unique("feed") + ".xml",
                rubric.id(), null, null, true, false, 30, false));
        Supplier<Who> guest = () -> new Who(new TestBrowser(port), null);
        Supplier<Who> freshMember = () -> {
            Member member = members.create();
            return new Who(TestMembers.loggedIn(port, member), member.id());
        };
        Who admin = new Who(TestMembers.loggedIn(port, members.create(Role.ADMIN)), null);
        Who editor = new Who(TestMembers.loggedIn(port, members.create(Role.EDITOR)), null);
        Function<Who, Object> nothing = who -> null;
        Function<Who, Object> ownersAccount = who -> row("member", owner.id());
        Function<Who, Object> ownAccount = who -> row("member", who.member());
        Function<Who, Object> targetsAccount = who -> List.of(row("member", target.id()),
                jdbc.sql("SELECT role FROM member_role WHERE member_id = ? ORDER BY role").param(target.id())
                        .query(String.class).list());
        Function<Who, Object> sourceAndFeed = who -> List.of(row("source", source.id()), row("feed", feed));

        attack(guest, "/login", fields("login", unique("someone") + "@example.org", "password", "Some-password-12",
                "next", "/", "language", "en"), nothing);
        attack(guest, "/signup", fields("displayName", unique("Newcomer"), "email", unique("new") + "@example.org",
                "password", "Long-enough-password-1", "next", "/"), nothing);
        attack(guest, "/en/password/forgot", fields("email", owner.email()), ownersAccount);
        attack(guest, "/verify/resend", fields("email", unique("unknown") + "@example.org"), nothing);
        attack(guest, "/verify", fields("token", "made-up-token"), nothing);
        attack(guest, form -> "/password/reset/" + tokens.issue(Tokens.Purpose.RESET, target.id(), null, Instant.now(),
                Duration.ofHours(1)), fields("password", "Reset-to-this-password-5"), nothing);
        attack(freshMember, "/account/name", fields("displayName", unique("Renamed")), ownAccount);
        attack(freshMember, "/account/email", fields("email", unique("moved") + "@example.org", "currentPassword",
                TestMembers.PASSWORD), ownAccount);
        attack(freshMember, "/account/password", fields("currentPassword", TestMembers.PASSWORD, "newPassword",
                "Another-password-to-use-3"), ownAccount);
        attack(freshMember, "/account/verify", fields("extra", "x"), ownAccount);
        attack(freshMember, "/en/account/logout-everywhere", fields("extra", "x"), ownAccount);
        attack(() -> admin, "/admin/users/" + target.id() + "/roles", fields("role", "EDITOR"), targetsAccount);
        attack(() -> admin, "/admin/users/" + target.id() + "/ban", fields("reason", "spam"), targetsAccount);
        attack(() -> admin, "/admin/users/" + target.id() + "/unban", fields("extra", "x"), targetsAccount);
        attack(() -> editor, form -> "/admin/sources", sourceFields(unique("hostile")), sourceAndFeed);
        attack(() -> editor, form -> "/admin/sources/" + source.id(), sourceFields(source.slug()), sourceAndFeed);
        attack(() -> editor, form -> "/admin/sources/" + source.id() + "/feeds", feedFields(rubric,
                "http://127.0.0.1:9/" + unique("new") + ".xml"), sourceAndFeed);
        attack(() -> editor, form -> "/en/admin/sources/feeds/" + feed, feedFields(rubric,
                "http://127.0.0.1:9/" + unique("moved") + ".xml"), sourceAndFeed);
        attack(() -> editor, form -> "/admin/sources/feeds/" + feed + "/fetch", fields("extra", "x"), sourceAndFeed);
        attack(freshMember, "/logout", fields("language", "en"), ownAccount);
        firstAdministrator(owner);
        for (String page : List.of("/login?next=%s&error=%s&notice=%s", "/en/signup?next=%s",
                "/admin/users?q=%s&p=%s&done=%s&error=%s", "/account?done=%s", "/verify/%s", "/password/reset/%s")) {
            browse((page.startsWith("/admin") ? admin : page.startsWith("/account") ? freshMember.get() : guest.get()).browser(),
                    page);
        }

        assertThat(failures).isEmpty();
        assertThat(TestMembers.loggedIn(port, owner).get("/account").statusCode()).as("the owner still logs in").isEqualTo(200);
    }

    @Test
    void unusableCharactersAreRefusedWithAPageInTheReadersLanguage() {
        TestBrowser browser = new TestBrowser(port);
        String csrf = csrf(browser);

        HttpResponse<String> english = browser.postEncoded("/en/signup", "_csrf=" + encode(csrf) + "&displayName="
                + encode("Name\u202Egnp.exe") + "&email=a%40example.org&password=x");
        HttpResponse<String> russian = browser.get("/admin/users?q=" + encode("\u0000"));

        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(english.body()).selectFirst("h1").text()).isEqualTo("Characters that cannot be used");
        assertThat(russian.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(russian.body()).selectFirst("h1").text()).isEqualTo("Недопустимые символы");
    }

    @Test
    void undecodableFormsGetAPageInTheReadersLanguageEvenForAMember() {
        TestBrowser member = TestMembers.loggedIn(port, members.create());

        HttpResponse<String> refused = member.postEncoded("/en/account/name", "_csrf=" + encode(csrf(member))
                + "&displayName=%C3%28%FF");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).selectFirst("h1").text()).isEqualTo("Bad request");
    }

    @Test
    void aValueLongerThanItsColumnIsRefusedBesideItsField() {
        TestBrowser editor = TestMembers.loggedIn(port, members.create(Role.EDITOR));
        Map<String, String> source = new LinkedHashMap<>(sourceFields(unique("toolong")));
        source.put("nameRu", "Очень длинное название ".repeat(20));
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf(editor)));
        source.forEach((key, value) -> body.append('&').append(key).append('=').append(encode(value)));

        HttpResponse<String> refused = editor.postEncoded("/admin/sources", body.toString());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).selectFirst("#error-nameRu").text()).isEqualTo("Слишком длинно.");
    }

    /** The first-administrator form needs a portal without administrators: theirs are taken away for a moment. */
    private void firstAdministrator(Member owner) {
        List<Long> admins = jdbc.sql("SELECT member_id FROM member_role WHERE role = 'ADMIN'").query(Long.class).list();
        jdbc.sql("DELETE FROM member_role WHERE role = 'ADMIN'").update();
        try {
            attack(() -> new Who(new TestBrowser(port), null), form -> "/setup/" + tokens.issue(Tokens.Purpose.SETUP, null, null,
                    Instant.now(), Duration.ofHours(1)), fields("displayName", unique("Chief"), "email", unique("chief")
                    + "@example.org", "password", "Chief-editor-password-1"), who -> row("member", owner.id()));
        } finally {
            for (long id : admins) {
                jdbc.sql("INSERT INTO member_role (member_id, role) VALUES (?, 'ADMIN')").param(id).update();
            }
        }
    }

    /** A browser, and the member it is logged in as (null for a guest, or when it does not matter). */
    private record Who(TestBrowser browser, Long member) {
    }

    private void attack(Supplier<Who> who, String action, Map<String, String> fields, Function<Who, Object> saved) {
        attack(who, form -> action, fields, saved);
    }

    /**
     * Posts the form at {@code action} once per field and hostile value, the other fields as given, each time
     * from another client address (so that the throttle lets every attempt through to the form).
     */
    private void attack(Supplier<Who> who, Function<String, String> action, Map<String, String> fields,
                        Function<Who, Object> saved) {
        for (String field : fields.keySet()) {
            HOSTILE.forEach((name, hostile) -> {
                Who whom = who.get();
                TestBrowser browser = whom.browser().header("X-Forwarded-For", "198.18." + client.get() / 250 + "."
                        + client.incrementAndGet() % 250);
                String csrf = csrf(browser);
                StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
                fields.forEach((key, value) -> body.append('&').append(key).append('=')
                        .append(key.equals(field) ? hostile : encode(value)));
                Object before = saved.apply(whom);
                String path = action.apply(field);
                HttpResponse<String> answer = browser.postEncoded(path, body.toString());
                String what = "POST " + path.replaceFirst("/(reset|setup)/.*", "/$1/TOKEN") + " " + field + "=<" + name + ">";
                if (answer.statusCode() >= 500) {
                    failures.add(what + ": " + answer.statusCode());
                } else if (answer.statusCode() >= 400 && !Objects.equals(before, saved.apply(whom))) {
                    failures.add(what + ": refused with " + answer.statusCode() + " but changed what was saved");
                }
            });
        }
    }

    private void browse(TestBrowser browser, String page) {
        for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
            if (hostile.getKey().equals("a megabyte") || hostile.getKey().equals("broken percent-encoding")) {
                // No browser sends a megabyte in an address (the server refuses such a request line), and the
                // HTTP client will not send a broken escape in one.
                continue;
            }
            String path = page.replace("%s", hostile.getValue());
            int status = browser.get(path).statusCode();
            if (status >= 500) {
                failures.add("GET " + page + " <" + hostile.getKey() + ">: " + status);
            }
        }
    }

    private String csrf(TestBrowser browser) {
        HttpResponse<String> page = browser.get("/login");
        return Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
    }

    private Map<String, Object> row(String table, long id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id).query().singleRow();
    }

    private static Map<String, String> sourceFields(String slug) {
        return fields("slug", slug, "nameRu", "Агентство", "nameEn", "Agency", "country", "ru", "homeUrl",
                "https://agency.example.org/", "rightsRu", "Права принадлежат", "rightsEn", "The rights belong to",
                "licenceRu", "Лицензия", "licenceEn", "Licence");
    }

    private static Map<String, String> feedFields(Rubric rubric, String url) {
        return fields("url", url, "rubricId", Long.toString(rubric.id()), "rubricRules", "war => " + rubric.slug(),
                "language", "ru", "autoPublish", "true", "fullText", "true", "pollMinutes", "30", "enabled", "false");
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String unique(String prefix) {
        return TestNews.unique(prefix).replace("-", "");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
