package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.NewsdeskApplication;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two instances of the portal on one database, as two nodes behind a load balancer: a member who logs in
 * through one is known to the other.
 */
@NewsdeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossNodesTest {

    @Autowired TestMembers members;
    @Autowired Environment environment;
    @LocalServerPort int port;

    ConfigurableApplicationContext secondNode;
    int secondPort;

    @BeforeAll
    void startSecondNode() {
        secondNode = new SpringApplicationBuilder(NewsdeskApplication.class)
                .profiles("test")
                .properties("server.port=0",
                        "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "newsdesk.demo.enabled=false",
                        // Mail stays with the first node, whose SMTP server the other tests read.
                        "newsdesk.mail.dispatch-interval=1h",
                        "newsdesk.mail.outbox-dir=target/second-node-outbox")
                .run();
        secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void aSessionStartedOnOneNodeIsKnownToTheOther() {
        Member member = members.create();
        TestBrowser first = TestMembers.loggedIn(port, member);
        TestBrowser second = new TestBrowser(secondPort);

        second.giveCookie(first.cookie("SESSION"));

        assertThat(second.page("/account").selectFirst(".member-name").text()).isEqualTo(member.displayName());
    }

    @Test
    void rememberMeFromOneNodeLogsInOnTheOther() {
        Member member = members.create();
        TestBrowser first = new TestBrowser(port);
        TestMembers.logIn(first, member.email(), TestMembers.PASSWORD, true);
        TestBrowser second = new TestBrowser(secondPort);

        second.giveCookie(first.cookie("remember-me"));

        assertThat(second.page("/account").selectFirst(".member-name").text()).isEqualTo(member.displayName());
    }

    @Test
    void loggingOutEverywhereOnOneNodeEndsTheSessionOnTheOther() {
        Member member = members.create();
        TestBrowser first = TestMembers.loggedIn(port, member);
        TestBrowser second = TestMembers.loggedIn(secondPort, member);

        first.submit(first.page("/account"), "form[action='/account/logout-everywhere']", java.util.Map.of());

        assertThat(second.get("/account").statusCode()).isEqualTo(302);
    }
}
