package dev.newsdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on the test database (in-memory H2, or PostgreSQL when
 * {@code SPRING_DATASOURCE_URL} names one), sending mail to a GreenMail SMTP server. Every test class so
 * annotated shares one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({DatabaseProbe.class, TestNews.class, TestMailServer.class, TestMembers.class})
public @interface NewsdeskTest {
}
