package dev.newsdesk.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import dev.newsdesk.MutableClock;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.site.AccessRule;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole portal as {@link NewsdeskTest} starts it, with two differences: its clock stands still until a test
 * moves it, and a test desk at {@code /admin/test-desk} declares its own access rule (moderators only). Its mail
 * is left to the shared portal, whose SMTP server the other tests read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@NewsdeskTest
@Import(ClockedPortal.Beans.class)
@TestPropertySource(properties = "newsdesk.mail.dispatch-interval=1h")
public @interface ClockedPortal {

    @TestConfiguration(proxyBeanMethods = false)
    class Beans {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }

        @Bean
        AccessRule testDesk() {
            return AccessRule.roles("/admin/test-desk", "MODERATOR");
        }
    }
}
