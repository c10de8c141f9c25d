package dev.newsdesk;

import java.time.Clock;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@EnableScheduling
@SpringBootApplication
public class NewsdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(NewsdeskApplication.class, args);
    }

    /** Jobs that must run on one node at a time (mail dispatch) lock through the database. */
    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .usingDbTime()
                .build());
    }

    /** The time every module reads, so that tests can set it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
